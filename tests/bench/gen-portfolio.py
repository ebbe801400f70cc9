#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write a synthetic but realistic Pacte portfolio (format version 1).

    gen-portfolio.py [--partners N] [--plans M] [--seed S] -o FILE
    gen-portfolio.py --actions K --long-names [--seed S] -o FILE

The output is deterministic for a given seed and set of options.  Every plan
has 1-4 partners and 3-12 items in each of its lists, every id is unique and
every partner reference exists, so the file loads without error.  Content
varies (missing sponsors, stale governance, unknown cross-business, ...) so
that the golden rules give a mix of lights.

--actions K gives every plan exactly K actions; without --plans and
--partners it writes a single plan with 4 partners (the report tests' "plan
with 60 actions and very long names").  --long-names makes action titles
120-200 characters long, each with a distinct marker "Action <n> —", and
gives partners and the plan long names.

Standard library only.  The 10,000-partner/2,000-plan default is written in
a few seconds.
"""

import argparse
import datetime
import json
import random
import sys
import unicodedata

RULE_PARAMS = {
    "R04": ["min_levels"], "R09": ["amber_days", "red_days"], "R10": ["min_champions"],
    "R12": ["min_actions", "min_linked_ratio"], "R14": ["horizon_quarters"],
}
RULE_IDS = ["R%02d" % i for i in range(1, 17)]
SEGMENTS = ["resale", "marketing-alliance", "commercial-alignment", "technology", "services"]
PHASES = ["exploration", "negotiation", "launch", "execution", "review"]
ROLES = ["alliance-partner", "executive-sponsor", "champion", "legal", "sales", "marketing", "other"]
LEVELS = ["executive", "management", "operational"]
STATUSES = ["green", "amber", "red", "off"]

FR_FIRST = ["Élodie", "Hélène", "Jérôme", "Benoît", "Amélie", "François", "Chloé", "Gaël", "Noémie",
            "Loïc", "Maëlle", "Clément", "Anaïs", "Jean-Noël", "Cécile", "Stéphane", "Zoé", "Raphaël",
            "Léa", "Thérèse", "Grégoire", "Inès", "Bérénice", "Mathéo", "Aurélie", "Frédéric", "Océane",
            "Anne-Sophie", "Joël", "Eugénie"]
FR_LAST = ["Lefèvre", "Bérard", "Dufrêne", "Gérard", "Ménard", "Pélissier", "Mercier", "Fournier",
           "Rousseau", "Lemaître", "Chassagne", "Béranger", "Caron", "Leroy", "Nguyen", "Benali",
           "Haddad", "Faure", "Giraud", "Marchetti", "Lécuyer", "Rivière", "Lacroix", "Perrin",
           "Dubois-Arnaud", "Château", "Delattre", "Boukhari", "Vasseur", "Petitjean"]
EN_FIRST = ["Oliver", "Charlotte", "James", "Fiona", "Harriet", "Edward", "Naomi", "Rajesh", "Siobhán",
            "Daniel", "Priscilla", "Hannah", "Rupert", "Victoria", "Amelia", "George", "Imogen", "Seán"]
EN_LAST = ["Pembroke", "McAllister", "Whitfield", "Greaves", "Sinclair", "O'Connor", "Okafor",
           "Hastings", "Ashford", "Lowe", "Pryce", "Kingsley", "Thornbury", "Raman", "Iyer", "Evans"]
DE_FIRST = ["Jürgen", "Sabine", "Matthias", "Jörg", "Björn", "Käthe", "Lukas", "Lena", "Günther"]
DE_LAST = ["Kühne", "Großmann", "Brückner", "Schäfer", "Vogt", "Böhm", "Jäger", "Müller", "Weiß"]

FR_CO_PRE = ["Société", "Groupe", "Compagnie", "Établissements", "Cabinet", "Agence", "Ateliers",
             "Laboratoires", "Union", "Coopérative"]
FR_CO_CORE = ["Générale d'Informatique", "Bérard & Fils", "Dufrêne Distribution", "Lefèvre Numérique",
              "Métropole Systèmes", "Réseaux de l'Ouest", "Télécom Côte d'Azur", "Hélios Conseil",
              "Ébène Logiciels", "Cœur de Données", "Électronique du Léman", "Informatique Rhône-Alpes",
              "Zéphyr & Associés", "Lumière Conseil", "Gestion Publique Numérique", "Sécurité Réseaux Île-de-France",
              "Archives & Mémoire", "Données du Sud-Ouest", "Études et Systèmes", "Pôle Santé Numérique"]
FR_CO_SUF = ["SA", "SAS", "SARL", "& Associés", "", ""]
EN_CO_CORE = ["Brightwater", "Castlebridge", "Harrowgate & Pryce", "Ashford & Lowe", "Kingsley", "Meridian",
              "Northgate", "Oakridge", "Silverline", "Thornbury", "Whitcombe", "Blackwood", "Redfern",
              "Cresswell", "Fairhaven", "Ravensworth"]
EN_CO_MID = ["Systems", "Analytics", "Consulting", "Digital", "Networks", "Software", "Cloud Services",
             "Data", "Solutions", "Partners"]
EN_CO_SUF = ["Ltd", "plc", "LLP", "Inc.", "Group"]
DE_CO_CORE = ["Kühne", "Müller & Söhne", "Großmann", "Böhm", "Jäger", "Weiß", "Brückner"]
DE_CO_MID = ["Datentechnik", "Informatik", "Systemhaus", "Software", "Netzwerke", "Beratung"]
DE_CO_SUF = ["GmbH", "AG", "GmbH & Co. KG"]
CITIES = ["Paris", "Lyon", "Nantes", "Lille", "Bordeaux", "Genève", "Bruxelles", "Montréal", "London",
          "Manchester", "Dublin", "Édimbourg", "München", "Zürich", "Köln", "Besançon", "Nîmes", "Orléans"]

TERRITORIES = ["France", "Belgique", "Luxembourg", "Suisse romande", "Île-de-France", "Auvergne-Rhône-Alpes",
               "Grand Est", "Provence-Alpes-Côte d'Azur", "Bretagne", "Québec", "United Kingdom", "Ireland",
               "Benelux", "Nordics", "Deutschland", "Österreich", "Schweiz", "Iberia", "Italia", "EMEA"]
PRODUCTS = ["Nordlicht ERP", "Nordlicht ERP Public", "Nordlicht Archivage", "Nordlicht Santé",
            "Nordlicht Retail", "Nordlicht E-commerce", "Nordlicht Finance", "Nordlicht Trésorerie",
            "Nordlicht Managed ERP", "Nordlicht ERP Connect", "Nordlicht Paie", "Nordlicht Analytics"]
SECTORS = ["Administration centrale", "Collectivités territoriales", "Hôpitaux", "Commerce de détail",
           "Mode et luxe", "Industrie", "Agroalimentaire", "Banking", "Insurance", "Asset management",
           "Logistics", "Manufacturing", "Énergie", "Éducation", "Mittelstand", "Télécommunications"]
JOBS = {
    "alliance-partner": ["Directrice des alliances", "Responsable partenariats éditeurs", "Head of Alliances",
                         "Partner Manager", "Leiterin Partnermanagement"],
    "executive-sponsor": ["Directeur général adjoint", "Chief Executive Officer", "Geschäftsführer",
                          "Directrice des opérations", "Chief Product Officer"],
    "champion": ["Responsable avant-vente", "Principal Engineer", "Chef de projet", "Engagement Manager",
                 "Consultant senior", "Teamleiter Managed Services"],
    "legal": ["Juriste contrats", "General Counsel", "Syndikusrechtsanwältin", "Directrice juridique"],
    "sales": ["Directeur commercial", "Ingénieure commerciale", "Business Development Director", "Account Executive"],
    "marketing": ["Chargée de communication", "Partner Marketing Manager", "Directrice marketing"],
    "other": ["Assistante administrative", "Solutions Architect", "Office Manager", "Acheteur"],
}
OUR_PEOPLE = ["Claire Marchetti", "Thomas Nguyen", "Sophie Garnier", "Oliver Hastings", "Inès Boukhari",
              "Lukas Schäfer", "Émilie Rousseau-Grant", "Priya Raman", "Jean-Baptiste Lécuyer",
              "Margaux Delattre-Rivière", "Hélène Vasseur", "Arnaud Petitjean", "Bertrand Moreau-Laffitte",
              "Gaëlle Péron", "William Ashcombe", "Noël Fabre"]
OUR_SPONSORS = ["Jean-Baptiste Lécuyer", "Margaux Delattre-Rivière", "Hélène Vasseur", "Arnaud Petitjean",
                "Bertrand Moreau-Laffitte", "Marc-Antoine Roussel", "Catherine Wexford"]

OBJECTIVES = [
    ("Chiffre d'affaires revendu", "revenu", "EUR", (200000, 5000000)),
    ("Commerciaux certifiés", "personnes certifiées", "personnes", (5, 60)),
    ("Références clients signées", "références", "références", (2, 15)),
    ("Qualified joint pipeline", "pipeline", "EUR", (300000, 8000000)),
    ("Joint deals closed", "deals", "deals", (3, 40)),
    ("Prospects qualifiés générés", "leads", "leads", (100, 2000)),
    ("Taux de renouvellement", "renouvellement", "%", (70, 98)),
    ("Customer satisfaction score", "NPS", "points", (20, 70)),
    ("Contrats de services managés", "contrats", "contrats", (3, 30)),
    ("Marge brute partenaire", "marge", "%", (15, 45)),
]
BENCH_SOURCES = ["Panel Gartner revendeurs EMEA", "Étude IDC services managés", "FY2025 programme results",
                 "Benchmark interne 2026", "Forrester partner survey", "Moyenne des partenaires gold"]
DECISIONS = [
    ("Étendre l'accord à un nouveau territoire ?", ["Oui, dès le prochain trimestre", "Non, consolider d'abord"]),
    ("Which route to market for the joint offer?", ["Partner marketplace", "Our price list", "Both, in parallel"]),
    ("Signer un contrat-cadre ?", ["Contrat-cadre", "Contrats au cas par cas"]),
    ("Renew the alignment next year?", ["Renew with a contract", "Let it expire"]),
    ("Co-financer la campagne de rentrée ?", ["50 / 50", "Au prorata des prospects"]),
    ("Support model for joint customers", ["Nous en premier niveau", "Le partenaire en premier niveau"]),
    ("Remise de lancement", ["10 %", "15 %", "20 %"]),
    ("Add a second partner to the programme?", ["Yes", "No", "Later, after the pilot"]),
]
BODIES = {
    "executive": ["Comité stratégique", "Executive Business Review", "Lenkungsausschuss", "Comité de direction commun"],
    "management": ["Comité de pilotage", "Joint Product Board", "Account steering committee", "Comité de négociation"],
    "operational": ["Point pipeline hebdomadaire", "Engineering sync", "Atelier marketing mensuel", "Revue des opportunités"],
}
ENABLEMENT = ["Formation certifiante Ventes", "Atelier avant-vente", "API bootcamp", "Pre-sales certification",
              "Formation produit", "Joint account planning workshop", "Démonstration hôpitaux",
              "Sales playbook walkthrough", "Formation Nordlicht Paie", "Webinaire interne des nouveautés"]
CHANNELS = {
    "internal": ["Lettre interne des ventes", "Slack #partenaires", "Quarterly sales kick-off", "Intranet",
                 "Réunion plénière"],
    "external": ["Communiqué de presse", "LinkedIn", "Technical blog", "Case study", "Newsletter clients",
                 "Site web"],
}
MESSAGES = ["Annonce du partenariat", "Joint offer launched", "Témoignage client", "New certified integration",
            "Résultats du premier semestre", "Invitation au webinaire", "Customer success story",
            "Nouveaux territoires couverts"]
ACTION_FR = (["Qualifier", "Certifier", "Monter", "Obtenir", "Traduire", "Organiser", "Proposer", "Finaliser",
               "Cartographier", "Relancer"],
              ["les comptes cibles", "l'offre conjointe", "trois références signées", "le catalogue de services",
               "la campagne de rentrée", "la tournée clients", "le plan de compte commun", "les supports de formation",
               "la grille tarifaire de revente", "un pilote à Zürich"])
ACTION_EN = (["Negotiate", "Build", "Ship", "Publish", "Recruit", "Launch", "Review", "Map", "Prepare", "Close"],
             ["the reference architecture", "the joint price list", "the certified connector",
              "a dedicated partner engineer", "the deal registration process", "the joint account plan",
              "the top twenty target accounts", "the partner training kit", "the co-marketing campaign",
              "the renewal proposal"])
EVENT_TITLES = {
    "customer-event": ["Matinale clients", "Executive breakfast", "Journée utilisateurs", "Customer round table"],
    "webinar": ["Webinaire : dématérialiser les achats", "Webinar: from ERP to lakehouse", "Webinaire omnicanal",
                "Webinar: managed ERP for the Mittelstand"],
    "trade-show": ["Salon des Maires", "Paris Retail Week", "Big Data & AI Paris", "CeBIT Partner Day", "Web Summit"],
    "other": ["Hackathon d'intégration", "Partner summit", "Soirée partenaires", "Golf day"],
}
ACTIVITY = ["Réunion de lancement", "Contrat signé", "Point pipeline", "Demo to the partner's sales team",
            "Comité stratégique tenu", "Premier deal commun", "Appel avec le sponsor", "Workshop held in London",
            "Relance du partenaire", "Formation terminée", "Quarterly review", "Nouveau contact champion identifié"]

LONG_TAILS_FR = [
    "en coordination avec les équipes avant-vente régionales et le service juridique du partenaire",
    "pour les établissements publics de santé de la région Auvergne-Rhône-Alpes et de Bourgogne-Franche-Comté",
    "avec un suivi hebdomadaire des opportunités communes dans l'outil de gestion de la relation client",
    "et préparer la présentation des résultats au comité stratégique trimestriel de l'alliance",
    "en s'appuyant sur les références déjà signées dans le secteur bancaire et l'assurance",
    "afin d'éviter tout conflit de canal avec les revendeurs déjà présents sur ces territoires",
]
LONG_TAILS_EN = [
    "together with the partner's regional pre-sales engineers and their legal department",
    "for the top fifty retail accounts in the United Kingdom, Ireland and the Nordics",
    "with a weekly review of joint opportunities in the shared customer relationship tool",
    "and present the outcome to the quarterly executive business review of the alliance",
    "building on the reference customers already signed in banking and insurance",
    "so that no channel conflict arises with resellers already active in these territories",
]


def ascii_slug(text, sep="."):
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    out = []
    for ch in t:
        if ch.isalnum():
            out.append(ch)
        elif out and out[-1] != sep:
            out.append(sep)
    return "".join(out).strip(sep)


class Gen:
    def __init__(self, seed, long_names):
        self.r = random.Random(seed)
        self.long_names = long_names
        self.base = datetime.date(2025, 7, 1)

    def date(self, start, span_days):
        return (start + datetime.timedelta(days=self.r.randint(0, max(0, span_days)))).isoformat()

    def person(self, flavour=None):
        r = self.r
        flavour = flavour or r.choice("ffeed")
        if flavour == "f":
            return "%s %s" % (r.choice(FR_FIRST), r.choice(FR_LAST))
        if flavour == "e":
            return "%s %s" % (r.choice(EN_FIRST), r.choice(EN_LAST))
        return "%s %s" % (r.choice(DE_FIRST), r.choice(DE_LAST))

    def company(self, i):
        r = self.r
        k = r.random()
        if k < 0.45:
            name = " ".join(x for x in (r.choice(FR_CO_PRE), r.choice(FR_CO_CORE), r.choice(FR_CO_SUF)) if x)
            fl, tld = "f", "example.fr"
        elif k < 0.85:
            name = "%s %s %s" % (r.choice(EN_CO_CORE), r.choice(EN_CO_MID), r.choice(EN_CO_SUF))
            fl, tld = "e", "example.com"
        else:
            name = "%s %s %s" % (r.choice(DE_CO_CORE), r.choice(DE_CO_MID), r.choice(DE_CO_SUF))
            fl, tld = "d", "example.com"
        if self.long_names:
            if fl == "f":
                name = ("%s — division Solutions Numériques pour le Secteur Public et la Santé, %s et %s"
                        % (name, r.choice(CITIES), r.choice(CITIES)))
            else:
                name = ("%s — Digital Solutions for the Public Sector, Healthcare and Financial Services, %s and %s"
                        % (name, r.choice(CITIES), r.choice(CITIES)))
        else:
            # Keep names distinct enough in a 10,000-partner list.
            name = "%s (%s)" % (name, r.choice(CITIES)) if r.random() < 0.6 else "%s %d" % (name, i)
        return name, fl, tld

    def phone(self, flavour):
        r = self.r
        if flavour == "f":
            return "+33 %d %02d %02d %02d %02d" % (r.randint(1, 9), r.randint(0, 99), r.randint(0, 99),
                                                    r.randint(0, 99), r.randint(0, 99))
        if flavour == "e":
            return "+44 20 7946 %04d" % r.randint(0, 9999)
        return "+49 711 %04d %03d" % (r.randint(0, 9999), r.randint(0, 999))

    def partner(self, i):
        r = self.r
        name, fl, tld = self.company(i)
        domain = ascii_slug(name.split(" (")[0].split(" —")[0], "-")[:30].strip("-") + "." + tld
        p = {"id": "p-%05d" % i, "name": name, "segment": r.choice(SEGMENTS)}
        lab = r.random()
        if lab < 0.3:
            p["label"] = "gold"
        elif lab < 0.6:
            p["label"] = "silver"
        for key, pool in (("territories", TERRITORIES), ("products", PRODUCTS), ("sectors", SECTORS)):
            if r.random() < 0.85:
                p[key] = r.sample(pool, r.randint(1, 4))
        contacts = []
        for _ in range(r.randint(1, 6)):
            who = self.person(fl if r.random() < 0.8 else None)
            role = r.choices(ROLES, weights=[3, 2, 4, 1, 2, 2, 1])[0]
            c = {"name": who, "role": role, "job_title": r.choice(JOBS[role])}
            if r.random() < 0.9:
                c["email"] = "%s@%s" % (ascii_slug(who), domain)
            if r.random() < 0.8:
                c["phone"] = self.phone(fl)
            contacts.append(c)
        p["contacts"] = contacts
        cb = {}
        if r.random() < 0.8:
            cb["partner_buys_from_us"] = r.choice([0, r.randrange(10000, 3000000, 1000)])
        if r.random() < 0.7:
            cb["we_buy_from_partner"] = r.choice([0, r.randrange(5000, 500000, 500)])
        if cb and r.random() < 0.3:
            cb["notes"] = r.choice(["Montants issus du rapport financier annuel.",
                                    "Figures from purchasing, checked last quarter.",
                                    "Achats croisés à consolider avec la direction financière."])
        if cb:
            p["cross_business"] = cb
        if r.random() < 0.5:
            p["notes"] = r.choice(["Revendeur historique depuis 2014.", "Met at Web Summit; strong in retail.",
                                   "Partenaire certifié ; forte présence régionale.",
                                   "Strategic technology partner for the connector."])
        return p

    def n(self):
        return self.r.randint(3, 12)

    def long_title(self, k):
        r = self.r
        french = r.random() < 0.5
        verbs, objects = ACTION_FR if french else ACTION_EN
        head = "Action %d — %s %s" % (k, r.choice(verbs), r.choice(objects))
        tails = LONG_TAILS_FR if french else LONG_TAILS_EN
        title = head
        while len(title) < 120:
            title += " " + r.choice(tails)
        if len(title) > 200:
            cut = title.rfind(" ", 0, 199)
            title = title[:cut].rstrip(",;") + "…"
        return title

    def plan(self, j, partner_ids, partner_segments, by_segment, n_actions):
        r = self.r
        pid = "plan-%04d" % j
        # Partners of a plan mostly share the primary partner's segment.
        parts = [r.choice(partner_ids)]
        same = by_segment[partner_segments[parts[0]]]
        # Long-name plans show every (long) partner name, up to four.
        wanted = min(4 if self.long_names else r.randint(1, 4), len(partner_ids))
        while len(parts) < wanted:
            pool = same if r.random() < 0.85 else partner_ids
            cand = r.choice(pool)
            if cand not in parts:
                parts.append(cand)
        phase_i = r.randint(0, 4)
        start = self.base + datetime.timedelta(days=r.randint(0, 720))
        end = start + datetime.timedelta(days=r.choice([364, 546, 729]))
        span = (end - start).days
        lead = partner_segments[parts[0]]
        name = "%s — %s %d" % (r.choice(["Alliance", "Plan de revente", "Co-marketing", "Joint go-to-market",
                                         "Intégration technologique", "Services managés"]),
                               r.choice(CITIES), start.year)
        if self.long_names:
            name += (" : programme conjoint de développement commercial, d'intégration technique "
                     "et de co-marketing pour les comptes stratégiques")
        p = {"id": pid, "name": name, "partners": parts}
        if r.random() < 0.95:
            p["segment"] = lead if r.random() < 0.85 else r.choice(SEGMENTS)
        p["phase"] = PHASES[phase_i]
        p["period"] = {"start": start.isoformat(), "end": end.isoformat()}
        if r.random() < 0.95:
            p["owner"] = r.choice(OUR_PEOPLE)
        sp = {}
        if phase_i >= 1 or r.random() < 0.5:
            sp["name"] = r.choice(OUR_SPONSORS)
        if sp and (phase_i >= 1 or r.random() < 0.15):
            sp["engaged_on"] = self.date(start - datetime.timedelta(days=60), 90)
        if sp:
            p["sponsor"] = sp
        if r.random() < 0.85:
            p["revenue_target"] = r.randrange(200000, 10000000, 50000)
        res = {}
        if r.random() < 0.7:
            res["budget"] = r.randrange(20000, 800000, 5000)
        if r.random() < 0.6:
            res["headcount"] = r.choice([0.5, 1, 1.5, 2, 2.5, 3, 4])
        if res:
            p["resources"] = res

        objectives = []
        for k in range(1, self.n() + 1):
            title, metric, unit, (lo, hi) = r.choice(OBJECTIVES)
            o = {"id": "obj-%04d-%02d" % (j, k), "title": title, "metric": metric}
            if r.random() < 0.85:
                o["target"] = r.randint(lo, hi)
            o["unit"] = unit
            if r.random() < 0.85:
                o["due"] = self.date(start + datetime.timedelta(days=90), span - 90)
            if "target" in o and r.random() < 0.5:
                o["actual"] = round(o["target"] * r.uniform(0.05, 1.2))
            if r.random() < 0.3:
                b = {"source": r.choice(BENCH_SOURCES)}
                if "target" in o and r.random() < 0.7:
                    b["value"] = round(o["target"] * r.uniform(0.6, 1.1))
                o["benchmark"] = b
            objectives.append(o)
        p["objectives"] = objectives

        ag = {"type": r.choice(["none", "mou", "nda", "contract"]) if phase_i < 3
              else r.choice(["mou", "nda", "contract", "contract", "contract"])}
        if ag["type"] != "none" or r.random() < 0.1:
            if phase_i >= 1 or r.random() < 0.2:
                ag["legal_involved_on"] = self.date(start - datetime.timedelta(days=120), 120)
            if ag["type"] != "none" and phase_i >= 2:
                ag["signed_on"] = self.date(start - datetime.timedelta(days=30), 60)
        p["agreement"] = ag

        decisions = []
        for _ in range(self.n()):
            q, opts = r.choice(DECISIONS)
            d = {"question": q, "audience": r.choice(LEVELS), "options": list(opts),
                 "due": self.date(start, span)}
            if r.random() < 0.5:
                d["outcome"] = r.choice(opts)
            decisions.append(d)
        p["decisions"] = decisions

        governance = []
        for _ in range(self.n()):
            level = r.choice(LEVELS)
            b = {"level": level, "body": r.choice(BODIES[level])}
            if r.random() < 0.9:
                b["owner"] = r.choice(OUR_PEOPLE)
            if r.random() < 0.9:
                b["cadence_days"] = {"executive": 90, "management": 30, "operational": r.choice([7, 14])}[level]
            if r.random() < 0.9:
                b["last_met"] = self.date(start, span)
            governance.append(b)
        p["governance"] = governance

        p["enablement"] = [
            {"title": "%s — %s" % (r.choice(ENABLEMENT), r.choice(PRODUCTS)),
             "date": self.date(start, span), "done": r.random() < 0.5}
            for _ in range(self.n())]

        comm = []
        for _ in range(self.n()):
            aud = "internal" if r.random() < 0.4 else "external"
            comm.append({"audience": aud, "channel": r.choice(CHANNELS[aud]), "message": r.choice(MESSAGES),
                         "date": self.date(start, span), "done": r.random() < 0.5})
        p["communication"] = comm

        actions = []
        for k in range(1, (n_actions if n_actions is not None else self.n()) + 1):
            if self.long_names:
                title = self.long_title(k)
            else:
                verbs, objects = ACTION_FR if r.random() < 0.5 else ACTION_EN
                title = "%s %s" % (r.choice(verbs), r.choice(objects))
            a = {"id": "act-%04d-%02d" % (j, k), "title": title, "due": self.date(start, span),
                 "status": r.choices(["planned", "in-progress", "done", "cancelled"], weights=[4, 3, 3, 1])[0]}
            ps = r.sample(parts, r.randint(0, len(parts)))
            if ps:
                a["parties"] = ps
            link = r.random()
            if link < 0.8:
                a["objective"] = r.choice(objectives)["id"]
            elif link < 0.85:
                a["objective"] = "obj-%04d-retired" % j  # kept, counts as not linked
            actions.append(a)
        p["actions"] = actions

        events = []
        for _ in range(self.n()):
            kind = r.choices(["customer-event", "webinar", "trade-show", "other"], weights=[3, 4, 2, 1])[0]
            e = {"title": r.choice(EVENT_TITLES[kind]) + " — " + r.choice(CITIES),
                 "date": self.date(start, span), "kind": kind}
            ep = r.sample(parts, r.randint(0, len(parts)))
            if ep:
                e["partners"] = ep
            if r.random() < 0.8:
                e["expected_attendees"] = r.randint(15, 800)
            events.append(e)
        p["events"] = events

        y, q = start.year, (start.month - 1) // 3 + 1
        forecast = []
        for _ in range(self.n()):
            forecast.append({"quarter": "%d-Q%d" % (y, q),
                             "amount": r.choice([0, r.randrange(25000, 2500000, 5000)])})
            q += 1
            if q == 5:
                y, q = y + 1, 1
        p["forecast"] = forecast

        p["activity"] = [{"date": dt, "note": r.choice(ACTIVITY)}
                         for dt in sorted(self.date(start, span + 60) for _ in range(self.n()))]

        reviews = []
        for dt in sorted(self.date(start, span) for _ in range(r.randint(0, 3))):
            reviews.append({"date": dt, "reviewer": r.choice(OUR_SPONSORS + OUR_PEOPLE),
                            "notes": r.choice(["Bonne dynamique, gouvernance à renforcer.",
                                               "Momentum is slowing; re-engage the sponsor.",
                                               "Objectifs atteints à mi-parcours.",
                                               "Legal took over too early; reset expectations."]),
                            "statuses": {rid: r.choices(STATUSES, weights=[5, 3, 2, 0.3])[0] for rid in RULE_IDS}})
        if reviews:
            p["reviews"] = reviews

        if r.random() < 0.1:
            ov = {}
            rid = r.choice(RULE_IDS)
            ov[rid] = {"disabled": True,
                       "reason": r.choice(["Règle non pertinente pour ce segment (décision du comité).",
                                           "Not applicable: the partner only sells to its installed base.",
                                           "Accord de principe de la direction, revu au prochain trimestre."])}
            pr = r.choice(sorted(RULE_PARAMS))
            if pr != rid:
                name = r.choice(RULE_PARAMS[pr])
                val = {"min_levels": 1, "amber_days": 45, "red_days": 120, "min_champions": 1,
                       "min_actions": 2, "min_linked_ratio": 0.6, "horizon_quarters": 3}[name]
                ov[pr] = {"params": {name: val}}
            p["rule_overrides"] = {k: ov[k] for k in sorted(ov)}
        return p


def main():
    ap = argparse.ArgumentParser(description="Write a synthetic Pacte portfolio.")
    ap.add_argument("--partners", type=int, default=None, help="number of partners (default 10000, or 4 with --actions)")
    ap.add_argument("--plans", type=int, default=None, help="number of plans (default 2000, or 1 with --actions)")
    ap.add_argument("--seed", type=int, default=2027)
    ap.add_argument("--actions", type=int, default=None, help="exactly K actions in every plan")
    ap.add_argument("--long-names", action="store_true", help="long action titles, partner and plan names")
    ap.add_argument("-o", "--output", required=True, help="output file ('-' for standard output)")
    a = ap.parse_args()
    single = a.actions is not None
    n_partners = a.partners if a.partners is not None else (4 if single else 10000)
    n_plans = a.plans if a.plans is not None else (1 if single else 2000)
    if n_partners < 1 or n_plans < 0 or (a.actions is not None and a.actions < 0):
        ap.error("--partners must be at least 1, --plans and --actions not negative")

    g = Gen(a.seed, a.long_names)
    partners = [g.partner(i) for i in range(1, n_partners + 1)]
    ids = [p["id"] for p in partners]
    segs = {p["id"]: p["segment"] for p in partners}
    by_segment = {}
    for p in partners:
        by_segment.setdefault(p["segment"], []).append(p["id"])
    plans = [g.plan(j, ids, segs, by_segment, a.actions) for j in range(1, n_plans + 1)]

    doc = {
        "format": "pacte-portfolio",
        "version": 1,
        "meta": {"title": "Portefeuille d'alliances EMEA (généré, graine %d)" % a.seed,
                 "owner": "Nordlicht Logiciels SA", "currency": "EUR", "language": "fr"},
        "rule_settings": {"R09": {"params": {"amber_days": 45}}},
        "partners": partners,
        "plans": plans,
    }
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    if a.output == "-":
        sys.stdout.write(text)
    else:
        with open(a.output, "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
