"""Reports answer tables (`{"data": [rows]}` or CSV); each row's columns are documented on its route."""
