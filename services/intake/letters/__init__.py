"""Decision letters (vedtaksbrev) in plain Norwegian, as HTML and PDF (weasyprint)."""
