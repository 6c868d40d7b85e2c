"""The Qt-free core: domain model, numbering, library storage, editing and exchange formats."""
