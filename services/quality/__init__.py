"""The quality service: Avvik, quality indicators, styringsdata and capacity forecasts."""
