// The seat invitation's link: /activate-seat#token=… — the token is in the fragment, which the
// browser never sends to a server (so it is in no access log); this page posts it in the body.
(function () {
  "use strict";
  var token = new URLSearchParams(window.location.hash.slice(1)).get("token");
  history.replaceState(null, "", window.location.pathname); // out of the address bar and history
  var status = document.getElementById("status");
  var button = document.getElementById("activate");
  if (!token) {
    status.textContent = "This link carries no invitation.";
    button.disabled = true;
    return;
  }
  button.addEventListener("click", function () {
    button.disabled = true;
    fetch("/v1/seat-invitations/activate", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ token: token }),
    })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (res) {
        status.textContent = res.ok
          ? "Your seat is active (" + res.body.email + ")."
          : "The invitation cannot be used: " + (res.body.detail || res.body.title);
      })
      .catch(function () {
        status.textContent = "Something went wrong; try again.";
        button.disabled = false;
      });
  });
})();
