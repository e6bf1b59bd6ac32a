"""The intake service: Søknad, kartlegging, vedtak, klage og venteliste: applications, assessments, decisions, appeals, waiting lists and deadlines. Owns the person register."""
