"""Words that make a sentence an event, and words that are titles or roles of people.

Kept as data in one place so the event, people and issue stages agree on them.
"""
from __future__ import annotations

import re

# trigger lemma -> event type
TRIGGERS: dict[str, str] = {
    **dict.fromkeys(["resign", "resignation", "quit", "retire", "retirement", "step_down"], "resignation"),
    **dict.fromkeys(["appoint", "appointment", "name", "hire", "select", "promote", "confirm",
                     "install", "nominate", "replace", "succeed", "swear", "elect", "reelect", "re-elect"], "appointment"),
    **dict.fromkeys(["suspend", "suspension", "fire", "dismiss", "terminate", "termination",
                     "oust", "remove", "removal", "demote", "discipline", "place"], "personnel_action"),
    **dict.fromkeys(["vote", "approve", "adopt", "reject", "pass", "motion", "carry", "rescind", "table",
                     "censure", "defeat", "deny", "ratify", "authorize", "award", "move",
                     "request", "recommend", "eliminate", "cut", "close", "contract"], "decision"),
    **dict.fromkeys(["indict", "indictment", "charge", "arrest", "plead", "convict", "sentence",
                     "prosecute"], "criminal"),
    **dict.fromkeys(["sue", "lawsuit", "file", "settle", "settlement", "subpoena", "rule"], "legal"),
    **dict.fromkeys(["audit", "review", "investigate", "investigation", "inspect", "find",
                     "release", "issue", "publish", "cite", "order", "monitor", "probe", "notify",
                     "withhold", "sanction"], "oversight"),
    **dict.fromkeys(["die", "death", "abuse", "injure", "neglect", "kill"], "incident"),
    **dict.fromkeys(["refuse", "decline", "demand", "call", "urge", "criticize", "threaten",
                     "protest"], "governance"),
    **dict.fromkeys(["announce", "testify", "open", "launch", "leave", "depart", "address", "win",
                     "freeze", "increase", "reduce", "warn", "admit", "present", "hold", "speak",
                     "complain"], "other"),
}

# Any other verb reports an act when it is the main verb of its sentence, in the past ("the
# Chapel moved for a restraining order", "St. Pierre attended a session", "was arrested", "has
# filed") and the sentence dates it: an event of type "other". Except these, which say what is,
# was thought, seen or said, not what was done (candidates._generic_act).
NOT_ACTS = {
    "be", "have", "seem", "appear", "remain", "stay", "include", "contain", "consist", "involve",
    "require", "need", "want", "like", "love", "hate", "know", "think", "believe", "feel", "see",
    "look", "watch", "notice", "understand", "recognize", "realize", "remember", "forget", "wonder",
    "doubt", "fear", "worry", "hope", "wish", "prefer", "matter", "depend", "belong", "deserve",
    "fit", "lack", "mean", "show", "indicate", "reflect", "represent", "cost", "total", "amount",
    "equal", "exceed", "range", "vary", "rank", "continue", "use", "live", "reside", "own", "stand",
    "lie", "sit", "base", "associate", "compare", "relate", "concern", "regard", "define", "feature",
    "focus", "tend", "get", "do", "make", "take", "give", "go", "come", "let", "keep", "seek",
    "try", "help", "allow", "follow", "precede", "accompany", "cover", "affect",
    "mention", "refer", "apply", "note", "say", "tell", "describe", "ask", "read", "write", "word",
    "provide", "bear", "hold", "face", "spend", "receive", "lead", "point", "mark",
    "count", "estimate", "calculate", "measure", "quote", "cite", "call", "name", "entitle", "title",
    "label", "term", "dub", "know", "suppose", "assume", "expect", "plan", "intend", "schedule",
    "set", "slate", "design", "aim", "mean", "serve", "work", "operate", "run", "manage", "contribute",
    # figures: what a count reached is a statistic, not an act ("turnover reached 41 percent")
    "reach", "rise", "climb", "total", "number", "grow", "decline", "drop", "double", "triple",
    "process", "average", "account", "fall", "peak", "jump", "surge", "soar", "plunge", "dip",
    "hover", "stand", "top", "outpace", "exceed", "represent", "comprise", "make_up",
    # talking a matter over at a meeting decides nothing ("The board discussed the schedule")
    "discuss", "debate", "deliberate", "talk", "chat", "ponder", "thank", "congratulate",
}
# Counted things as the subject or object of an act make it a statistic ("processed 1,184
# applications in November", "Thirty-one investigations were closed in 2017"), unless a body
# decided it (lexicon triggers such as "approved six positions" stay acts).

# Triggers that are an event even without a date of their own when they sit in dated minutes.
MINUTES_TRIGGERS = {"resign", "resignation", "appoint", "appointment", "name", "hire", "vote", "approve",
                    "adopt", "reject", "motion", "rescind", "table", "censure", "defeat", "deny",
                    "ratify", "authorize", "award", "suspend", "fire", "dismiss", "terminate",
                    "remove", "place", "refuse", "decline", "announce", "select", "confirm",
                    "pass", "nominate", "replace", "swear", "move", "address", "present", "speak",
                    "eliminate", "cut", "close", "contract", "step_down", "carry", "fail", "accept", "hold",
                    "conclude", "testify", "introduce"}
# Saying is not doing: a trigger inside what someone stated, reported, asked or was told ("Reyes
# reported that five caseworkers left") is an event only with a date of its own, or as the
# speaker's own refusal ("he will not resign"). Staff requests and recommendations in minutes are
# not in MINUTES_TRIGGERS either: the board's vote on them is the event.
SPEECH_VERBS = {"say", "state", "report", "tell", "reply", "ask", "add", "note", "explain", "comment",
                "express", "thank", "question", "respond", "acknowledge", "agree", "describe", "write",
                "argue", "claim", "insist", "suggest", "believe", "conclude", "testify", "recall",
                "emphasize", "stress", "remark", "observe", "indicate", "mention", "request",
                "recommend", "urge", "propose", "demand", "call", "advise", "summarize", "summarise",
                "inform", "remind", "brief", "caution", "update", "assure", "reassure"}
# Said in the first person and the present, these are the act itself ("I move that By-law 84 be read").
PERFORMATIVES = {"move", "second", "nominate", "declare", "introduce", "table", "adjourn", "withdraw", "resign",
                 "call", "rule", "recuse", "abstain", "amend"}
# Saying, plainly: a quote's attribution ("Rene said Wednesday") is no act of its own (eval/real/ANNOTATING.md)
PLAIN_SAYING = {"say", "tell", "add", "note", "explain", "share", "state", "write", "recall", "remark", "comment",
                "mention", "stress", "emphasize"}
# Verbs that report what others did, whose clause holds an act of its own only when it is dated
# ("Online records revealed her domain had been registered on Oct. 28").
REPORTING_VERBS = SPEECH_VERBS | {"reveal", "allege", "confirm", "disclose", "show"}
# Speaking is an event of the minutes only for a named speaker ("Loretta Simms addressed the
# board"); "a resident spoke" is public comment, not a timeline entry.
NAMED_SPEAKER_TRIGGERS = {"speak", "address", "complain"}
# "is expected to be released", "plans to sue": the act under these verbs has not happened.
PLAN_VERBS = {"expect", "plan", "intend", "schedule", "propose", "hope", "seek", "want", "aim",
              "consider", "prepare"}
# "is due to report", "is set to close", "is about to resign": an act ahead, not done.
PLAN_ADJECTIVES = {"due", "set", "slated", "poised", "about", "going", "likely", "unlikely", "supposed", "bound"}
# Texts and their parts: in the present, what they say, cover or show is a description, not an act
# ("The rule provides that …", "This AD applies to …", "Table 2 depicts …", "The bill requires …").
TEXT_NOUNS = {"rule", "bill", "act", "ordinance", "resolution", "statute", "law", "code", "regulation",
              "provision", "amendment", "section", "chapter", "table", "figure", "chart", "exhibit",
              "appendix", "attachment", "report", "document", "policy", "plan", "agreement", "contract",
              "ad", "directive", "guideline", "manual", "form", "map", "graph", "schedule", "list",
              "bulletin", "paragraph"}
# Generic triggers lose to a specific one in the same sentence ("grand jury indicted …, the DA announced").
GENERIC_TYPES = {"other"}

# Words that stand before a name and are a role (or an honorific, which is not a role).
ROLE_TITLES = {
    "director", "interim director", "acting director", "deputy director", "assistant director",
    "commissioner", "chair", "chairman", "chairwoman", "chairperson", "vice chair",
    "board chair", "board member", "member", "ranking member", "district attorney", "assistant district attorney",
    "attorney general", "judge", "sheriff", "inspector", "inspector general", "caseworker",
    "supervisor", "secretary", "treasurer", "administrator", "manager", "county manager",
    "county attorney", "senator", "representative", "rep.", "sen.", "governor", "mayor",
    "councilman", "councilwoman", "detective", "investigator", "auditor", "deputy secretary",
    "finance director", "clerk", "mayor pro tem", "mayor pro tempore", "pro tem", "pro tempore",
    # councils, courts and police as real records name them
    "councillor", "councilor", "councillors", "council member", "councilmember", "alderman",
    "alderwoman", "city clerk", "deputy city clerk", "city manager", "defendant", "defendants",
    "plaintiff", "plaintiffs", "appellant", "appellee", "petitioner", "respondent", "officer",
    "sergeant", "lieutenant", "captain", "chief", "superintendent", "trustee", "president",
    "vice president", "deputy",
    # police and government ranks as news abbreviates them ("Supt Peters said", "Sgt. Ruiz")
    "supt", "supt.", "sgt", "sgt.", "lt.", "capt.", "det.", "insp.", "cpl.", "gov.", "atty.", "asst", "asst.",
    # military ranks as abbreviated in testimony and orders ("LTG H. Steven Blum, USA")
    "gen", "gen.", "ltg", "mg", "bg", "adm", "adm.", "vadm", "radm", "col", "col.", "ltc", "maj", "maj.", "cpt",
    "capt", "lt", "sfc", "msg", "csm", "cmsgt", "pvt", "pfc", "spc",
    # legislators and judges, and the plural that names several ("Congressmen Hyde and McCollum")
    "congressman", "congresswoman", "congressmen", "congresswomen", "congressperson", "assemblyman", "assemblywoman",
    "justice", "chief justice", "justices", "senators", "representatives", "commissioners",
    "supervisors", "trustees", "judges", "council members", "councilmembers", "aldermen",
    "governors", "clerks", "mayors", "directors", "officers", "deputies", "detectives",
    # a bilingual council's record ("Conseiller Mayes", Winnipeg's hansard)
    "conseiller", "conseillère", "conseillers", "conseillères",
    # staff as minutes and agency records name them ("Senior Planner Jeanine Cavalli", "Assessor Tamez",
    # "social worker Ana Ruiz")
    "planner", "senior planner", "associate planner", "principal planner", "analyst", "administrative analyst",
    "specialist", "coordinator", "assessor", "controller", "comptroller", "recorder", "counsel",
    "general counsel", "county counsel", "city attorney", "ombudsman", "engineer", "city engineer",
    "county engineer", "architect", "social worker", "student trustee", "student member",
}
# Words that end (or follow) the name of an organisation, a facility or a place. Those that are
# also surnames (Park, Hall, Day, Post, Lane, Church) refuse a name only when they follow it.
ORG_WORDS = {
    "center", "centre", "services", "service", "department", "office", "courthouse", "board", "brokerage",
    "dam", "reservoir", "levee",
    "committee", "council", "division", "unit", "agency", "hospital", "school", "schools", "county",
    "commission", "authority", "program", "programs", "positions", "search", "report", "gazette",
    "herald", "tribune", "fieldhouse", "club", "foundation", "hall", "park", "street", "avenue",
    "road", "boulevard", "drive", "lane", "highway", "library", "museum", "stadium", "arena",
    "close", "crescent", "terrace", "mews",   # streets as Britain and the Caribbean name them ("Harp Close")
    "church", "baptist", "methodist", "lutheran", "presbyterian", "episcopal", "pentecostal", "adventist",
    "company", "inc", "llc", "corp", "corporation", "group", "associates", "partners",
    "bank", "fund", "university", "college", "academy", "institute", "society", "association",
    "alliance", "coalition", "network", "project", "initiative", "gallery", "theater", "theatre",
    "bridge", "building", "plaza", "square", "tower", "airport", "station", "prison", "jail",
    "police", "times", "post", "news", "journal", "register", "press", "daily", "magazine", "radio",
    "district", "city", "township", "village", "state", "act", "law", "fire", "elementary",
    "middle", "high", "clinic", "shelter", "house", "home", "homes", "apartments", "court",
    "courts", "hotel", "inn", "restaurant", "cafe", "market", "mall", "trail", "river", "lake",
    "creek", "mountain", "island", "valley", "heights", "estates", "memorial", "cemetery",
    "award", "awards", "prize", "scholarship", "day", "week", "month", "year", "avenues",
    "ministries", "trust", "industries", "enterprises", "holdings", "systems", "solutions",
    "technologies", "media", "studios", "records", "team", "league", "union", "party", "caucus",
    "administration", "bureau", "registry", "trustees", "commissioners", "supervisors",
    "financial", "capital", "securities", "investments", "insurance", "advisors", "consulting",
    "brothers", "bros", "sons", "co", "ltd", "pllc", "llp", "pc", "pa",
    # the abbreviations of case citations ("Innova Hosp.", "Edmonds Sch. Dist.", "S.F. Real Est.")
    "hosp", "sch", "est", "dist", "bd", "ctr", "servs", "ins", "univ", "auth", "ass'n", "dep't",
    "comm'n", "gov't", "cnty", "twp", "mun", "indus", "mfg", "prods", "sys", "tech", "int'l", "nat'l",
    "fed", "sav", "assocs", "cos", "elec", "mut", "teleconference", "zoom", "webinar",
    "downs", "wards", "houses", "golf", "hydro", "route", "routes", "hills", "directive", "handbook",
    # newspapers' names ("Washington Examiner", "Houston Chronicle", "Columbus Dispatch")
    "examiner", "chronicle", "courier", "inquirer", "enquirer", "sentinel", "dispatch", "bulletin",
    "telegraph", "statesman", "gleaner", "tribune-review",
    "manual", "management", "pursuant", "central", "ward", "hill", "point", "box", "race",
    "ave", "rd", "blvd", "room", "side", "area", "branch", "code", "forms", "updates", "focus",
    "dept", "elem", "weather",   # "Fish Dept", "Hemphill Elem", a station's "Austin Weather"
    "stamp", "chapel", "temple", "mosque", "synagogue", "cathedral", "parish", "diocese",
    "st", "pkwy", "hwy", "lodge", "apts", "architecture", "architects", "parks", "recreation",
    "properties", "realty", "freeway", "expressway", "turnpike", "tollway", "interstate", "causeway",
    "cty",   # "School Bd. of Prince Edward Cty."
    "grove", "kitchen",
    # the trades a firm's name ends in ("Purdue Pharma", "Southeastern Rehab", "Ellis Logistics"); none a surname
    "pharma", "pharmaceutical", "pharmaceuticals", "rehab", "rehabilitation", "health", "healthcare", "medical",
    "hospice", "nursing", "dental", "therapy", "therapeutics", "wellness", "diagnostics", "imaging", "biotech",
    "labs", "laboratory", "laboratories", "logistics", "construction", "builders", "contractors", "contracting",
    "consultants", "engineering", "engineers", "electric", "electrical", "electronics", "energy", "utilities",
    "petroleum", "airlines", "airways", "aviation", "aerospace", "transportation", "trucking", "freight",
    "communications", "telecom", "wireless", "software", "foods", "farms", "dairy", "brewing", "brewery",
    "winery", "ventures", "equity", "mortgage", "lending", "finance", "bancorp", "bancshares", "automotive",
    "manufacturing", "plumbing", "roofing", "landscaping", "paving", "mining", "chemicals", "apparel",
    "publishing", "entertainment", "productions", "broadcasting", "resorts", "developers", "storage",
    "recycling", "sanitation", "staffing", "marketing",
    "international", "worldwide", "global",   # "Michael Baker International"
    "harbor", "harbour", "marina", "wharf", "meadows",   # "Kahului Harbor", "Castlebury Meadows"
}
# The kinds of shop a trade name ends in (liquor permits, business licences, police blotters):
# "Ruby Salon", "Harold Fenwick Books". Only the name's own last word counts; a name before one
# is kept ("Jane Roe Dial Books" in a list of books and their publishers names Jane Roe).
SHOP_WORDS = {"books", "bookstore", "spa", "salon", "boutique", "bakery", "grill", "tavern", "pub", "mart", "shop",
              "store", "pharmacy", "diner", "motors", "cleaners", "liquors",
              # eateries as a licensing board's minutes list them ("Yellow Door Taqueria", "Tony's Pizzeria")
              "taqueria", "pizzeria", "trattoria", "cantina", "bistro", "brasserie", "eatery", "lounge", "deli",
              "taproom", "brewpub", "shoppe", "burger", "burgers", "steakhouse", "grille", "creamery"}
ALSO_SURNAMES = {
    "park", "hall", "house", "day", "post", "lane", "street", "law", "court", "church", "bank",
    "river", "fire", "middle", "high", "market", "bridge", "city", "state", "home", "trail",
    "mountain", "lake", "island", "valley", "union", "press", "times", "news", "media", "team",
    "party", "daily", "award", "week", "month", "year", "inn", "drive", "road", "creek", "village",
    "young", "act", "tower", "heights", "league", "records", "trust", "cafe", "memorial", "close", "terrace",
    "ward", "hill", "point", "box", "race", "central", "side", "branch", "room", "stamp",
    "lodge", "parks", "labs", "storage",   # "Eric J. Labs", a budget analyst
    "grove", "kitchen",   # "Elk Grove", "Hippo Kitchen"; "Andy Grove" stays
    "meadows",   # "Castlebury Meadows"; "Mark Meadows" stays
}
# The parts of a document, never the last word of a person's name: "Appearance Form", "I. Background",
# "Appendix H", "Expenditure Recommendations".
DOCUMENT_PARTS = {"form", "forms", "appendix", "background", "recommendations", "recommendation", "transcript",
                  "summary", "introduction", "conclusion", "attachment", "discussion", "analysis", "findings",
                  "memorandum", "affidavit", "declaration", "petition", "complaint", "judgment", "opinion"}
# Words a legal citation abbreviates, written with a full stop: "Fed. R. Civ. P.", "52 L. Ed. 714",
# "N.J. Stat. Ann.", "Appellant's Br. at 5", "H. Con. Res.", "Trial Ex. 12". Before their full stop
# they end no person's name.
CITATION_WORDS = {"civ", "crim", "ed", "stat", "stats", "ann", "bankr", "div", "mot", "br", "brf", "res",
                  "con", "ex", "supp", "app", "evid", "reg", "regs", "cir", "ct", "dkt", "decl", "pet",
                  "resp", "mem", "op", "cong", "sess", "admin", "proc", "juv", "rptr", "misc", "doc", "rec",
                  # a party's paper and a court's state as citations shorten them ("Tessera Opp. to MSJ at 8",
                  # "(S.D. Cal. 1987)"), never a name's last word before a full stop
                  "opp", "compl", "aff", "cal", "fla", "ariz", "okla", "mich", "wis", "neb"}
# The law's Latin, never a person's name: "Brief for … as Amici Curiae", "whistleblower/Qui Tam issues",
# "a motion in limine"
LEGAL_LATIN = {"curiae", "amicus", "qui", "habeas", "certiorari", "mandamus", "limine", "pendente", "nunc",
               "tunc", "infra", "supra", "passim",
               "laude", "summa"}   # and a diploma's ("graduated Cum Laude")
# A ship's prefix: "USS Higgins", "HMS Victory" name a vessel (written in capitals).
VESSEL_PREFIXES = {"USS", "USNS", "USCGC", "HMS", "HMCS", "HMAS", "HMNZS", "RMS", "INS", "MV", "SS", "NS"}
# Holidays, whose greetings ("Merry Christmas", "Happy Hanukkah") are never a person.
HOLIDAYS = {"christmas", "xmas", "easter", "thanksgiving", "hanukkah", "chanukah", "kwanzaa", "new year",
            "diwali", "eid", "ramadan", "passover", "halloween", "holidays"}
# Page furniture and web words that are never part of a person's name.
FURNITURE = {
    "loading", "photo", "photos", "gallery", "video", "videos", "share", "comments", "comment",
    "advertisement", "credit", "credits", "courtesy", "subscribe", "click", "read", "related",
    "follow", "email", "print", "twitter", "facebook", "instagram", "linkedin", "youtube",
    "welcome", "sign", "login", "newsletter", "podcast", "episode", "listen", "watch", "updated",
    "posted", "published", "view", "more", "tweet", "pin", "copyright", "rights", "reserved",
    "file", "staff", "getty", "images", "ap", "reuters", "wire", "page", "item", "agenda",
    "minutes", "motion", "resolution", "ordinance", "exhibit", "section", "chapter", "article",
    "schedule", "annex", "treatise",
    # a letter's closing, glued to the name above it by a line's end ("Daniel R. Levinson" / "Sincerely,")
    "sincerely", "respectfully", "regards", "cordially",
    # a weekday's short form, as opening hours write it ("hours Sat Sun 11:00 AM to 10:00 PM")
    # ("Sun", "Mon", "Thu" are names too: "Li Sun")
    "tue", "tues", "wed", "thur", "thurs", "fri", "sat",
}
HONORIFICS = {"mr.", "mrs.", "ms.", "miss", "dr.", "mr", "mrs", "ms", "dr"}
TITLE_WORDS = {w for t in ROLE_TITLES for w in t.split()} | HONORIFICS
# Role nouns that may stand for a person ("the director said...").
ROLE_NOUNS = {"director", "interim director", "acting director", "board chair", "chair",
              "chairman", "chairwoman", "district attorney", "county manager", "county attorney"}

PLANNED_CUES = {"will", "shall", "plan", "plans", "planned", "expect", "expected", "intend",
                "intends", "propose", "proposed", "scheduled", "would", "could", "may", "might",
                "can", "should", "must"}
# Verbs and nouns whose clause holds an act someone wants done, not one done: "Staff recommends the
# board approve", "It is recommended that the Commission waive the reading and approve the minutes".
PROPOSING = {"recommend", "recommendation", "request", "urge", "suggest", "propose", "proposal",
             "advise", "require"}

# Triggers that are events as nouns too; any other trigger counts only as a verb ("reports" in
# "received 29 reports" is not an event, "the resignation of the director" is).
EVENT_NOUNS = {"resignation", "appointment", "suspension", "termination", "removal", "motion",
               "lawsuit", "settlement", "indictment", "investigation", "audit", "death", "arrest",
               "retirement", "censure", "probe", "subpoena", "abuse"}

# The word that labels a number ("Item 26", "Resolution 2019", "Sec. 4", "Figure 3", "Act" is none): such a number
# is never a year (events.numbered) and a footnote's number is never after one (extract.nlp_text, "Sec.2 …").
# Searched up to the number, so it ends on "$".
NUMBER_LABEL_BEFORE = re.compile(
    r"(?:\b(?:items?|nos?|numbers?|resolutions?|res|ordinances?|ord|cases?|bills?|dockets?|files?|pages?|pg|"
    r"pp?|exhibits?|exh|sections?|secs?|rooms?|suites?|ste|units?|routes?|rte?|highway|hwy|interstate|codes?|"
    r"accounts?|acct|contracts?|projects?|agenda|motions?|rcs|lots?|parcels?|tracts?|districts?|"
    r"precincts?|wards?|box|flights?|models?|orders?|rules?|chapters?|chap|ch|articles?|arts?|titles?|forms?|permits?|"
    r"licen[cs]es?|polic(?:y|ies)|grants?|jobs?|positions?|steps?|levels?|grades?|phases?|parts?|pts?|volumes?|"
    r"vols?|issues?|ext|apt|apartments?|buildings?|bldg|floors?|stations?|badges?|line|amendments?|by-?laws?|"
    r"fig(?:ure)?s?|tables?|tab|charts?|versions?|ver|rev|appendix|appendices|app|attachments?|schedules?|"
    r"para(?:graph)?s?|par|notes?|tiers?|books?|"
    r"s\.?b|h\.?b|a\.?b|h\.?r|s|l\.?d|exec)\.?|[#§$€£]|\bno\.|\bsb|\bhb)\s*(?:no\.?|#|number)?\s*:?\s*$",
    re.IGNORECASE)

# The labels of a vote's roll ("AYES: Mashack, Brown", "Noes: None", "ABSTAIN: Garcia", "MOVER: Ames"), as a
# regex alternation: candidates (a roll alone is no act) and tagger (a roll is the sentence announcing it).
ROLL_LABELS = r"ayes?|yeas?|nays?|noes|absent|abstain(?:ed|ing|s)?|abstentions?|recused|excused|mover|seconder"

# Procedural sentences of minutes: true, dated, and never what a timeline is for.
PROCEDURAL = [
    r"called the (?:[\w-]+\s+){0,3}meeting to order", r"\bagenda was approved", r"minutes of the .{0,40}meeting (?:were |was )?approved",
    r"^\W*minutes\s+of\s+the\s+(?:[\w-]+\s+){0,4}meetings?\s+(?:of|held|on)\b",   # an agenda's "Minutes of the Regular City Council Meeting of October 4, 2022, and …"
    r"these minutes were approved", r"presented the (?:monthly )?financial report", r"total expenditures",
    r"^\W*minutes of the (?:regular|special) meeting held", r"meeting (?:was )?adjourned",
    r"no action was (?:taken|required)", r"returned to open session", r"pledge of allegiance",
    r"presented the (?:monthly )?director['’]?s report",
    r"\b(?:met|convened|reconvened)\s+at\s+\d", r"\bquorum\b", r"\badjourned\b", r"\brecessed\b",
    r"\broll\s+call\b(?!\s+vote)", r"\bcalled\s+to\s+order\b", r"\b(?:taken|be\s+taken)\s+as\s+read\b",   # (a "roll call vote" is the vote itself)
    r"\bnotice\s+of\s+(?:the|this)\s+meeting\b", r"\b(?:entered|went\s+into|returned\s+from|came\s+out\s+of)"
    r"\s+(?:a\s+)?closed\s+session\b", r"\bdistributed\s+to\s+(?:the\s+)?members\b",
    # who attended, the approval of an earlier meeting's minutes, going into or out of an executive session
    r"\bin\s+attendance\s+(?:were|was)\b", r"\b(?:approval|adoption|acceptance)\s+of\s+the\s+(?:[\w,-]+\s+){0,5}minutes\b",
    r"\bto\s+(?:approve|adopt|accept)\s+the\s+(?:[\w,-]+\s+){0,5}minutes\b",   # ("moved to accept the October 9, 2017 meeting minutes")
    r"\bminutes\s+(?:are|were|was|is)\s+(?:hereby\s+)?(?:approved|adopted)\b",
    r"\bmotion\s+to\s+adjourn\b", r"\bmoved\s+to\s+adjourn\b", r"^\W*adjournment\s+(?:passes|passed|carries|carried)\b",
    r"\bminutes\s+of\s+the\s+(?s:.{0,80})\b(?:be|is|are)\s+(?:hereby\s+)?(?:approved|adopted)\b",
    r"\b(?:approved?|approves|adopt(?:s|ed)?)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}minutes\s+(?:of|for)\b",   # "That the Board approve the minutes of …"
    r"\b(?:approved?|approves|adopt(?:s|ed)?)\s+the\s+[^.]{0,160}?\bminutes\s*\.?\s*$",   # "Adopt the June 10, 2019; … and September 23, 2019 Planning Commission minutes."
    r"\b(?:into|for|from)\s+(?:an?\s+)?executive\s+session\b", r"\breconvened\s+in\s+(?:closed|open)\s+session\b",
    r"\bmeeting\s+(?:was|were)\s+(?:open|closed)\s+to\s+the\s+public\b", r"\bparts\s+of\s+the\s+meeting\s+were\s+(?:open|closed)\b",
    # going into or out of a closed session ("the Board convened to Closed Session at 6:07 pm", "reconvened to
    # Open Session"), who was there ("Board members present: …", "(arrived at 6:06 pm)"), the agenda's order
    # changed ("President McRae moved item VI.1 before the consent calendar")
    r"\b(?:convened|reconvened|recessed|adjourned|went|returned)\s+(?:in)?to\s+(?:closed|open|executive)\s+session\b",
    r"\b(?:members|commissioners|directors|trustees|councill?ors|council\s*members|supervisors|aldermen|officers|staff)"
    r"\s+(?:present|absent)\s*:", r"\((?:arrived|left|departed)\s+at\s+\d",
    # minutes that will be approved, the next meeting's day, a member leaving or coming back, the body meeting
    # after its last adjournment, the agenda approved ("Minutes to be approved by Council at the next regular
    # Council Meeting.", "Next regular meeting to be held June 20, 2023.", "Councillor Foote returned to the
    # Council table.", "The Board of Supervisors met, pursuant to adjournment on August 9, 2018, …")
    r"\bminutes\s+(?:to\s+be|will\s+be|shall\s+be)\s+(?:approved|adopted)\b", r"^\W*(?:the\s+)?next\s+(?:\w+\s+){0,3}meeting\b",
    r"^\W*(?:[A-Z][\w.'’-]*\s+){1,3}(?:left|returned\s+to|rejoined|re-?entered)\s+the\s+(?:\w+\s+)?(?:table|chambers?|meeting|dais|room)"
    r"(?:\s+at\s+\d{1,2}[:.]\d{2}\s*[ap]\.?m\.?)?\s*\.?\s*$",   # (not "… voted down before PPP lawmakers left the chamber")
    r"\bmet\b[^.\n]{0,60}\bpursuant\s+to\s+adjournment\b",
    r"\b(?:to\s+)?(?:approve|adopt)\s+the\s+(?:(?!consent\b)\w+\s+){0,2}agenda\b(?!\s+items?\b)",
    r"\b(?:approval|adoption)\s+of\s+the\s+(?:(?!consent\b)\w+\s+){0,2}agenda\b(?!\s+items?\b)",   # (a consent agenda is business)
    # the pledge however it is told ("Those present repeated the pledge to the flag.", "led the Pledge")
    r"\bpledge\s+to\s+the\s+flag\b", r"\b(?:repeated|recited|led|said|gave)\s+the\s+pledge\b",
    r"\(\s*all\s+(?:the\s+)?(?:commissioners|members|trustees|directors|councill?ors|council\s*members|supervisors|"
    r"board\s+members)\s+(?:were\s+)?(?:present|in\s+attendance)\s*\)",   # a heading's "(all commissioners present)"
    r"\bmoved\s+(?:agenda\s+)?items?\s+[\w.]+\s+(?:to\s+)?(?:before|after|ahead\s+of|up\b)",
    # a court's minutes form: who appeared ("Attorneys Present for Plaintiffs:"), the clerk's footer
    r"\b(?:attorneys?|counsel)\s+present\s+for\b", r"\binitials\s+of\s+(?:the\s+)?preparer\b",
    # a court's preamble ("At a Stated Term of the United States Court of Appeals …, held at …", "At IAS Part 12
    # of the Supreme Court of the State of New York, held in and for …"), a reporter's citation heading a
    # decision ("Cite as 27 I&N Dec. 48 (BIA 2017)"), a notice of a meeting ("Notice is hereby given that …")
    r"^\W*at\s+(?:an?\s+)?(?:(?:stated|regular|special|general|trial|ias)\s+)?(?:term|part)\b(?:\s+[\w.-]+){0,3}\s+of\s+the\b",
    r"^\W*cite\s+as\b", r"\bnotice\s+is\s+hereby\s+given\b",
    # the chair conducting a spoken meeting, said ahead ("We'll vote on one through three.", "I'll call the
    # question.", "I'll move adjournment.", "we'll move on then to the report of the Standing Policy Committee"):
    # the call to vote and the passage to the next item are procedure; the vote's result ("Carried.") and a
    # motion ("I move that …", "I'll move that the report be adopted") stay acts
    r"\b(?:we|i)(?:['’]ll|\s+will|\s+shall)\s+(?:now\s+)?(?:vote\s+on|call\s+(?:for\s+)?the\s+(?:question|vote))\b",
    r"\bcall(?:s|ed|ing)?\s+the\s+(?:question|roll|vote)\b", r"\bmoved?\s+(?:the\s+)?adjournment\b",
    r"\b(?:let['’]s|(?:we|i)(?:['’]ll|\s+will|\s+shall))\s+(?:now\s+)?(?:move|go|proceed|turn)\s+(?:on\s+)?(?:then\s+)?"
    r"(?:back\s+)?to\s+(?:the\s+)?(?:next\s+\w+|report|items?|agenda|consent|(?:[\w'’-]+\s+){0,3}?(?:committee|"
    r"delegations?|by-?laws?|motions?|question\s+period)\b)\b",   # ("we'll move on to the Standing Policy Committee …")
]
# In minutes only (pipeline/events.py): opening and closing the meeting itself ("convened a meeting of
# the Board members on December 17, 2012", "reconvened the open portion of the meeting"); in a story
# the same words may be news ("the governor convened a meeting of the task force")
MEETING_PROCEDURE = [
    r"\b(?:convened|opened)\s+(?:a|the|this)\s+(?:[\w-]+\s+){0,2}meeting\b",
    r"\b(?:closed|reconvened|reopened)\s+the\s+(?:[\w-]+\s+){0,4}(?:meeting|session)\b",
]

# Initials written with full stops inside a run of capitals: "U.S.", "N.W." (never a run's end)
INITIALISM = re.compile(r"(?:[A-Z]\.){2,}")

# Generational suffixes after a surname ("Alvin L. Bragg, Jr.", "Clay S. Johnson, III"), lower-case, no full stop.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


# A line ending on these runs on into the next: past a blank line, a PDF's wide line spacing ("… opening one of" /
# blank / "Winnipeg's newest spray pads, …") is no paragraph break inside a sentence (tagger); a line in capitals that
# ends on one ("… CAN RESULT IN TERMINATION OR" / "SUSPENSION.") is no list's decision line after it (decided_items).
RUNS_ON = frozenset({"of", "the", "a", "an", "to", "and", "or", "in", "on", "at", "for", "with", "by", "from", "that",
            "his", "her", "their", "its", "our", "my", "your", "is", "are", "was", "were", "be", "been", "has",
            "have", "had", "will", "would", "can", "could", "this", "these", "those", "as", "than", "into",
            "about", "over", "under", "after", "before", "between", "through", "during", "without", "within",
            "upon", "onto", "who", "which", "whose", "where", "when", "but", "not", "also"})
