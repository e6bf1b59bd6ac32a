"""The quality service: avvik, quality indicators and management data.

Deviations and their handling, quality indicators, styringsdata and capacity forecasts.
"""
