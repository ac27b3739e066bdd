from services.gateway.routing import SERVICE_KEY, RoutingTable

DOC = {
    "paths": {
        "/v1/customers": {"get": {SERVICE_KEY: "onboarding"}, "post": {SERVICE_KEY: "onboarding"}},
        "/v1/customers/{id}": {"get": {SERVICE_KEY: "onboarding"}},
        "/v1/customers/import": {"post": {SERVICE_KEY: "onboarding"}},
        "/v1/orders/{id}/temporary-license": {"post": {SERVICE_KEY: "licensing"}},
        "/v1/orders/{id}": {"get": {SERVICE_KEY: "ordering"}},
        "/v1/me": {"get": {}},
    }
}


def test_templates_match_and_static_paths_win() -> None:
    table = RoutingTable.from_openapi(DOC)
    assert table.match("GET", "/v1/customers/abc") == ("onboarding", True)
    assert table.match("POST", "/v1/customers/import") == ("onboarding", True)
    assert table.match("POST", "/v1/orders/1/temporary-license") == ("licensing", True)
    assert table.match("GET", "/v1/orders/1") == ("ordering", True)


def test_unknown_paths_and_methods() -> None:
    table = RoutingTable.from_openapi(DOC)
    assert table.match("GET", "/v1/nothing") == (None, False)
    assert table.match("DELETE", "/v1/orders/1") == (None, True)
    assert table.match("GET", "/v1/orders/1/extra") == (None, False)
    assert table.match("GET", "/v1/me") == (None, False)  # answered by the gateway itself
