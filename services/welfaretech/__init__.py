"""The welfaretech service: Velferdsteknologi: needs assessments, recommendations, consent and legal basis, device loans and benefit realisation."""
