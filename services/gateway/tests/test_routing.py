from services.gateway.routing import SERVICE_KEY, Match, RoutingTable

DOC = {
    "paths": {
        "/v1/customers": {"get": {SERVICE_KEY: "onboarding"}, "post": {SERVICE_KEY: "onboarding"}},
        "/v1/customers/{id}": {"get": {SERVICE_KEY: "onboarding"}},
        "/v1/customers/import": {"post": {SERVICE_KEY: "onboarding"}},
        "/v1/reseller-applications": {"post": {SERVICE_KEY: "onboarding", "security": []}},
        "/v1/orders/{id}/temporary-license": {"post": {SERVICE_KEY: "licensing"}},
        "/v1/orders/{id}": {"get": {SERVICE_KEY: "ordering"}},
        "/v1/me": {"get": {}},
    }
}


def test_templates_match_and_static_paths_win() -> None:
    table = RoutingTable.from_openapi(DOC)
    assert table.match("GET", "/v1/customers/abc") == Match("onboarding", False, ())
    assert table.match("POST", "/v1/customers/import") == Match("onboarding", False, ())
    assert table.match("POST", "/v1/orders/1/temporary-license") == Match("licensing", False, ())
    assert table.match("GET", "/v1/orders/1") == Match("ordering", False, ())
    assert table.match("POST", "/v1/reseller-applications") == Match("onboarding", True, ())


def test_unknown_paths_and_methods() -> None:
    table = RoutingTable.from_openapi(DOC)
    assert table.match("GET", "/v1/nothing") == Match(None, False, ())
    assert table.match("DELETE", "/v1/orders/1") == Match(None, False, ("GET",))  # 405, Allow: GET
    assert table.match("GET", "/v1/orders/1/extra") == Match(None, False, ())
    # a path matching a static and a templated route: the static one alone decides (405, Allow:
    # POST), `import` is never taken for a customer id (schemathesis ST204)
    assert table.match("DELETE", "/v1/customers/import") == Match(None, False, ("POST",))
    assert table.match("GET", "/v1/customers/import") == Match(None, False, ("POST",))
    # the gateway's own operations are answered before routing; other methods on them are 405
    assert table.match("PUT", "/v1/me") == Match(None, False, ("GET",))
