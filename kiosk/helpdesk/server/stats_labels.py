"""The statistics' words in Finnish, Swedish and English: the page, its charts and every
file a coordinator downloads. A figure's words are looked up by table id, column id and
row key (``kiosk.stats.figures``); a guide's title by its id.
"""

from __future__ import annotations

from kiosk.languages import LANGUAGES

_EN: dict[str, str] = {
    "csv_section": "Section",
    "csv_row": "Row",
    "csv_measure": "Measure",
    "csv_value": "Value",
    "csv_note": "Note",
    "title": "Statistics",
    "back_to_queue": "Help requests",
    "period": "Period",
    "from": "From",
    "to": "To",
    "centres": "Centres",
    "show": "Show",
    "last_month": "Last month",
    "this_year": "This year so far",
    "download": "Download",
    "csv": "CSV (figures)",
    "xlsx": "Excel (figures and charts)",
    "pdf": "PDF report",
    "method": (
        "Collected automatically and anonymously by the kiosk; sessions, not people; "
        "cells under 5 hidden (and, where a total is shown, the cells that would give "
        "them away)."
    ),
    "hidden": "hidden",
    "hidden_note": "“hidden”: fewer than 5, or a figure that would give one away.",
    "up_to_yesterday": "Kiosks send each day's figures the next day.",
    "empty": "No sessions and no help requests in this period.",
    "loading": "Loading…",
    "sign_in_first": "Sign in on the help requests page first.",
    "not_allowed": "You may not see the statistics of these centres.",
    "error": "The statistics could not be loaded. Try again.",
    "bad_period": "Check the dates: the period ends after it starts, and is at most two years.",
    "charts_missing": (
        "Charts and files need the statistics package on the server "
        "(pip install 'digituki-kiosk[stats]')."
    ),
    "generated": "Made {when}",
    "report_title": "Kiosk statistics {start} – {end}",
    "centres_line": "Centres: {names}",
    "kiosks_line": "Kiosks reporting: {n}",
    "table_chart": "Chart",
    "table_data": "Table",
    "total": "Total",
    "staffed_hours": "Staffed hours",
    "staffed_hours_help": "For “requests outside staffed hours”, e.g. mon-fri 9-16; sat 10-14",
    "save": "Save",
    "saved": "Saved.",
    # tables
    "t_summary": "In short",
    "t_sessions_per_day": "Sessions per day",
    "t_heatmap": "Sessions by weekday and hour",
    "t_language": "Language of the screens",
    "t_duration": "Length of sessions (minutes)",
    "t_end_reason": "How sessions ended",
    "t_outcome": "“Did you get it done?” (the visitor's own answer)",
    "t_guides": "Guides",
    "t_funnel": "How far visitors got: {guide}",
    "t_help_topic": "Help requests by topic",
    "t_help_timing": "Waiting and handling time (minutes)",
    "t_help_end": "How help requests ended",
    "t_help_via": "Help on site or remote",
    "t_help_hours": "Help requests and staffed hours",
    "t_per_centre": "Centres",
    # notes
    "n_needs_a_month": "Shown for a period of a month or more only.",
    "n_pooled": "All your centres together: a centre alone has fewer than 5 in some hour.",
    "n_no_data": "No sessions in this period.",
    # columns
    "c_value": "Number",
    "c_sessions": "Sessions",
    "c_requests": "Requests",
    "c_opened": "Sessions that opened it",
    "c_finished": "Reached its end",
    "c_finished_share": "Reached its end, %",
    "c_reached": "Sessions that got this far",
    "c_stopped": "Stopped here",
    "c_check_no": "Answered “No” to “Do you see…?”",
    "c_median_min": "Median",
    "c_p90_min": "9 in 10 within",
    # rows
    "r_sessions": "Sessions (not people)",
    "r_sessions_with_guide": "Sessions with a guide",
    "r_sessions_with_help": "Sessions that asked for help",
    "r_help_requests": "Help requests",
    "r_outcome_answers": "Sessions that answered “Did you get it done?”",
    "r_none": "Not known",
    "r_other": "Other guides (each opened by fewer than 5)",
    "r_ended": "Ended by the visitor",
    "r_idle": "Nobody there (timed out)",
    "r_closing": "The kiosk closed",
    "r_unknown": "Not known",
    "r_yes": "Yes",
    "r_partly": "Partly",
    "r_no": "No",
    "r_done": "Done",
    "r_not_done": "Not done",
    "r_unreachable": "Could not reach",
    "r_cancelled": "Cancelled by the visitor",
    "r_visitor_left": "The visitor left",
    "r_on_site": "On site",
    "r_remote": "Remote (by phone)",
    "r_inside": "Inside staffed hours",
    "r_outside": "Outside staffed hours",
    "r_wait": "Waiting until someone took it",
    "r_handling": "Handling",
    "r_step": "Step {n}",
    "r_step_0": "Opened the guide",
    "r_mon": "Monday",
    "r_tue": "Tuesday",
    "r_wed": "Wednesday",
    "r_thu": "Thursday",
    "r_fri": "Friday",
    "r_sat": "Saturday",
    "r_sun": "Sunday",
    "r_topic_login": "Logging in",
    "r_topic_form": "A form or application",
    "r_topic_print": "Printing or scanning",
    "r_topic_computer": "The computer itself",
    "r_topic_other": "Something else",
    "hour": "Hour",
    "weekday": "Weekday",
    "day": "Day",
}

_FI: dict[str, str] = {
    "csv_section": "Osio",
    "csv_row": "Rivi",
    "csv_measure": "Mittari",
    "csv_value": "Arvo",
    "csv_note": "Huomautus",
    "title": "Tilastot",
    "back_to_queue": "Avunpyynnöt",
    "period": "Ajanjakso",
    "from": "Alkaen",
    "to": "Päättyen",
    "centres": "Toimipisteet",
    "show": "Näytä",
    "last_month": "Viime kuukausi",
    "this_year": "Tämä vuosi tähän asti",
    "download": "Lataa",
    "csv": "CSV (luvut)",
    "xlsx": "Excel (luvut ja kaaviot)",
    "pdf": "PDF-raportti",
    "method": (
        "Kerätty automaattisesti ja nimettömästi kioskilta (kerätty tieto); luvut ovat "
        "käyntikertoja, eivät henkilöitä; alle 5:n solut piilotettu (ja, kun summa "
        "näytetään, myös solut, joista ne voisi päätellä)."
    ),
    "hidden": "piilotettu",
    "hidden_note": "”piilotettu”: alle 5, tai luku, josta sellaisen voisi päätellä.",
    "up_to_yesterday": "Kioskit lähettävät kunkin päivän luvut seuraavana päivänä.",
    "empty": "Tällä ajanjaksolla ei ole käyntikertoja eikä avunpyyntöjä.",
    "loading": "Ladataan…",
    "sign_in_first": "Kirjaudu ensin avunpyyntösivulla.",
    "not_allowed": "Et voi nähdä näiden toimipisteiden tilastoja.",
    "error": "Tilastoja ei saatu ladattua. Yritä uudelleen.",
    "bad_period": (
        "Tarkista päivämäärät: jakso päättyy alkunsa jälkeen ja on enintään kaksi vuotta."
    ),
    "charts_missing": (
        "Kaaviot ja tiedostot tarvitsevat palvelimelle tilastopaketin "
        "(pip install 'digituki-kiosk[stats]')."
    ),
    "generated": "Tehty {when}",
    "report_title": "Kioskin tilastot {start} – {end}",
    "centres_line": "Toimipisteet: {names}",
    "kiosks_line": "Lukuja lähettäneet kioskit: {n}",
    "table_chart": "Kaavio",
    "table_data": "Taulukko",
    "total": "Yhteensä",
    "staffed_hours": "Henkilökunnan paikallaoloajat",
    "staffed_hours_help": (
        "Lukua ”pyynnöt paikallaoloaikojen ulkopuolella” varten, esim. mon-fri 9-16; sat 10-14"
    ),
    "save": "Tallenna",
    "saved": "Tallennettu.",
    "t_summary": "Lyhyesti",
    "t_sessions_per_day": "Käyntikerrat päivittäin",
    "t_heatmap": "Käyntikerrat viikonpäivän ja tunnin mukaan",
    "t_language": "Näyttöjen kieli",
    "t_duration": "Käyntikertojen pituus (minuuttia)",
    "t_end_reason": "Miten käyntikerrat päättyivät",
    "t_outcome": "”Saitko asiasi hoidettua?” (kävijän oma vastaus)",
    "t_guides": "Ohjeet",
    "t_funnel": "Kuinka pitkälle päästiin: {guide}",
    "t_help_topic": "Avunpyynnöt aiheittain",
    "t_help_timing": "Odotus- ja käsittelyaika (minuuttia)",
    "t_help_end": "Miten avunpyynnöt päättyivät",
    "t_help_via": "Apu paikan päällä vai etänä",
    "t_help_hours": "Avunpyynnöt ja paikallaoloajat",
    "t_per_centre": "Toimipisteet",
    "n_needs_a_month": "Näytetään vain vähintään kuukauden jaksolle.",
    "n_pooled": "Kaikki toimipisteesi yhdessä: yhdellä toimipisteellä on jollain tunnilla alle 5.",
    "n_no_data": "Ei käyntikertoja tällä jaksolla.",
    "c_value": "Määrä",
    "c_sessions": "Käyntikerrat",
    "c_requests": "Pyynnöt",
    "c_opened": "Avanneet käyntikerrat",
    "c_finished": "Loppuun asti",
    "c_finished_share": "Loppuun asti, %",
    "c_reached": "Tähän asti päässeet",
    "c_stopped": "Jäivät tähän",
    "c_check_no": "Vastasi ”Ei” kysymykseen ”Näetkö…?”",
    "c_median_min": "Mediaani",
    "c_p90_min": "9/10 tämän ajan sisällä",
    "r_sessions": "Käyntikerrat (eivät henkilöt)",
    "r_sessions_with_guide": "Käyntikerrat, joilla avattiin ohje",
    "r_sessions_with_help": "Käyntikerrat, joilla pyydettiin apua",
    "r_help_requests": "Avunpyynnöt",
    "r_outcome_answers": "Käyntikerrat, joilla vastattiin ”Saitko asiasi hoidettua?”",
    "r_none": "Ei tiedossa",
    "r_other": "Muut ohjeet (kukin avattu alle 5 kertaa)",
    "r_ended": "Kävijä lopetti",
    "r_idle": "Ei ketään (aikakatkaisu)",
    "r_closing": "Kioski sulkeutui",
    "r_unknown": "Ei tiedossa",
    "r_yes": "Kyllä",
    "r_partly": "Osittain",
    "r_no": "Ei",
    "r_done": "Hoidettu",
    "r_not_done": "Ei hoidettu",
    "r_unreachable": "Ei tavoitettu",
    "r_cancelled": "Kävijä perui",
    "r_visitor_left": "Kävijä lähti",
    "r_on_site": "Paikan päällä",
    "r_remote": "Etänä (puhelimitse)",
    "r_inside": "Paikallaoloaikana",
    "r_outside": "Paikallaoloajan ulkopuolella",
    "r_wait": "Odotus, kunnes joku otti pyynnön",
    "r_handling": "Käsittely",
    "r_step": "Vaihe {n}",
    "r_step_0": "Avasi ohjeen",
    "r_mon": "maanantai",
    "r_tue": "tiistai",
    "r_wed": "keskiviikko",
    "r_thu": "torstai",
    "r_fri": "perjantai",
    "r_sat": "lauantai",
    "r_sun": "sunnuntai",
    "r_topic_login": "Kirjautuminen",
    "r_topic_form": "Lomake tai hakemus",
    "r_topic_print": "Tulostus tai skannaus",
    "r_topic_computer": "Itse tietokone",
    "r_topic_other": "Jokin muu",
    "hour": "Tunti",
    "weekday": "Viikonpäivä",
    "day": "Päivä",
}

_SV: dict[str, str] = {
    "csv_section": "Avsnitt",
    "csv_row": "Rad",
    "csv_measure": "Mått",
    "csv_value": "Värde",
    "csv_note": "Anmärkning",
    "title": "Statistik",
    "back_to_queue": "Hjälpbegäranden",
    "period": "Period",
    "from": "Från",
    "to": "Till",
    "centres": "Verksamhetsställen",
    "show": "Visa",
    "last_month": "Förra månaden",
    "this_year": "I år hittills",
    "download": "Ladda ner",
    "csv": "CSV (siffror)",
    "xlsx": "Excel (siffror och diagram)",
    "pdf": "PDF-rapport",
    "method": (
        "Insamlat automatiskt och anonymt av kiosken (insamlade uppgifter); besök, inte "
        "personer; celler under 5 dolda (och, där en summa visas, cellerna som skulle "
        "avslöja dem)."
    ),
    "hidden": "dold",
    "hidden_note": "”dold”: färre än 5, eller en siffra som skulle avslöja en sådan.",
    "up_to_yesterday": "Kioskerna skickar varje dags siffror följande dag.",
    "empty": "Inga besök och inga hjälpbegäranden under perioden.",
    "loading": "Laddar…",
    "sign_in_first": "Logga först in på sidan för hjälpbegäranden.",
    "not_allowed": "Du får inte se statistiken för dessa verksamhetsställen.",
    "error": "Statistiken kunde inte laddas. Försök igen.",
    "bad_period": "Kontrollera datumen: perioden slutar efter att den börjar och är högst två år.",
    "charts_missing": (
        "Diagram och filer kräver statistikpaketet på servern "
        "(pip install 'digituki-kiosk[stats]')."
    ),
    "generated": "Gjord {when}",
    "report_title": "Kioskstatistik {start} – {end}",
    "centres_line": "Verksamhetsställen: {names}",
    "kiosks_line": "Kiosker som rapporterat: {n}",
    "table_chart": "Diagram",
    "table_data": "Tabell",
    "total": "Totalt",
    "staffed_hours": "Bemannade tider",
    "staffed_hours_help": "För ”begäranden utanför bemannade tider”, t.ex. mon-fri 9-16; sat 10-14",
    "save": "Spara",
    "saved": "Sparat.",
    "t_summary": "I korthet",
    "t_sessions_per_day": "Besök per dag",
    "t_heatmap": "Besök per veckodag och timme",
    "t_language": "Skärmarnas språk",
    "t_duration": "Besökens längd (minuter)",
    "t_end_reason": "Hur besöken slutade",
    "t_outcome": "”Fick du ärendet gjort?” (besökarens eget svar)",
    "t_guides": "Guider",
    "t_funnel": "Hur långt besökarna kom: {guide}",
    "t_help_topic": "Hjälpbegäranden per ämne",
    "t_help_timing": "Väntetid och handläggningstid (minuter)",
    "t_help_end": "Hur hjälpbegärandena slutade",
    "t_help_via": "Hjälp på plats eller på distans",
    "t_help_hours": "Hjälpbegäranden och bemannade tider",
    "t_per_centre": "Verksamhetsställen",
    "n_needs_a_month": "Visas endast för en period på minst en månad.",
    "n_pooled": (
        "Alla dina verksamhetsställen tillsammans: ett ställe ensamt har färre än 5 någon timme."
    ),
    "n_no_data": "Inga besök under perioden.",
    "c_value": "Antal",
    "c_sessions": "Besök",
    "c_requests": "Begäranden",
    "c_opened": "Besök som öppnade den",
    "c_finished": "Nådde slutet",
    "c_finished_share": "Nådde slutet, %",
    "c_reached": "Besök som kom så här långt",
    "c_stopped": "Stannade här",
    "c_check_no": "Svarade ”Nej” på ”Ser du…?”",
    "c_median_min": "Median",
    "c_p90_min": "9 av 10 inom",
    "r_sessions": "Besök (inte personer)",
    "r_sessions_with_guide": "Besök med en guide",
    "r_sessions_with_help": "Besök som bad om hjälp",
    "r_help_requests": "Hjälpbegäranden",
    "r_outcome_answers": "Besök som svarade på ”Fick du ärendet gjort?”",
    "r_none": "Okänt",
    "r_other": "Andra guider (var och en öppnad färre än 5 gånger)",
    "r_ended": "Besökaren avslutade",
    "r_idle": "Ingen där (tidsgräns)",
    "r_closing": "Kiosken stängdes",
    "r_unknown": "Okänt",
    "r_yes": "Ja",
    "r_partly": "Delvis",
    "r_no": "Nej",
    "r_done": "Klart",
    "r_not_done": "Inte klart",
    "r_unreachable": "Nåddes inte",
    "r_cancelled": "Besökaren avbröt",
    "r_visitor_left": "Besökaren gick",
    "r_on_site": "På plats",
    "r_remote": "På distans (per telefon)",
    "r_inside": "Under bemannade tider",
    "r_outside": "Utanför bemannade tider",
    "r_wait": "Väntan tills någon tog den",
    "r_handling": "Handläggning",
    "r_step": "Steg {n}",
    "r_step_0": "Öppnade guiden",
    "r_mon": "måndag",
    "r_tue": "tisdag",
    "r_wed": "onsdag",
    "r_thu": "torsdag",
    "r_fri": "fredag",
    "r_sat": "lördag",
    "r_sun": "söndag",
    "r_topic_login": "Inloggning",
    "r_topic_form": "En blankett eller ansökan",
    "r_topic_print": "Utskrift eller skanning",
    "r_topic_computer": "Själva datorn",
    "r_topic_other": "Något annat",
    "hour": "Timme",
    "weekday": "Veckodag",
    "day": "Dag",
}

LABELS: dict[str, dict[str, str]] = {"en": _EN, "fi": _FI, "sv": _SV}

#: Table ids whose row keys are help topics (their labels are "r_topic_<key>").
_TOPIC_TABLES = frozenset({"help_topic"})


def row_label(words: dict[str, str], table_id: str, key: str, guide_titles: dict[str, str]) -> str:
    """The words for a row of a table: a language's name, a guide's title, a step…"""
    if table_id == "language" and key in LANGUAGES:
        lang = LANGUAGES[key]
        return f"{lang.english_name} ({lang.native_name})" if words is _EN else lang.native_name
    if table_id == "duration" and key not in ("none", "unknown"):
        return key.replace("-", "–").replace("+", " +")
    if table_id == "guides" and key != "other":
        return guide_titles.get(key, key)
    if table_id == "funnel":
        return words["r_step_0"] if key == "0" else words["r_step"].format(n=key)
    if table_id in {"sessions_per_day", "per_centre"}:
        return key
    if table_id in _TOPIC_TABLES:
        return words.get(f"r_topic_{key}", key)
    return words.get(f"r_{key}", key)


def table_title(
    words: dict[str, str], table_id: str, guide: str | None, titles: dict[str, str]
) -> str:
    title = words.get(f"t_{table_id}", table_id)
    return title.format(guide=titles.get(guide, guide)) if guide else title


def column_label(words: dict[str, str], table_id: str, column: str) -> str:
    if table_id == "heatmap":
        return column  # an hour
    return words.get(f"c_{column}", column)
