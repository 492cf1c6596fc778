"""A trained proposer of role names: capitalised spans of an article scored by a logistic model (role_names.json)."""
