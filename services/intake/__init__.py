"""The intake service: applications, assessments, decisions, appeals, waiting lists.

Søknad, kartlegging, vedtak, klage og venteliste, with their deadlines. Owns the person register.
"""
