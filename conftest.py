pytest_plugins = ["libs.testing.fixtures", "libs.testing.usecases"]
