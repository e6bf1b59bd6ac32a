"""The welfaretech service: welfare technology from assessment to benefit.

Needs assessments, recommendations, consent and legal basis, device loans and benefit
realisation (gevinstrealisering).
"""
