"""The coordination service: Koordinerende enhet: individual plans, koordinator, primærkontakt and ansvarsgruppe."""
