"""The clemency grant register: official lists with sources, search by name, record links."""
