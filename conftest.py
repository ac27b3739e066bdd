pytest_plugins = ["tools.testing.fixtures", "tools.testing.usecases"]
