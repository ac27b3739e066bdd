"""Reports' errors: a report another tenant asks for is the platform's 404 (`libs.auth`)."""
