"""The coordination service: koordinerende enhet and the plans around a person.

Individual plans, koordinator, primærkontakt and ansvarsgruppe.
"""
