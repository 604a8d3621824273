"""The words of the staff page's Guides view (guide packs) in Finnish, Swedish and English;
``staff_page`` adds them to the page's other words."""

from __future__ import annotations

PACK_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "tab_guides": "Guides",
        "packs_publish_heading": "Publish a guide pack",
        "packs_publish_help": (
            "Build the pack from the guides folder with “kiosk guides pack guides”, then "
            "choose the file here. Every kiosk switches to it between visitors."
        ),
        "packs_choose": "Guide pack file",
        "packs_publish": "Publish",
        "packs_publishing": "Checking the pack…",
        "packs_published": (
            "Published pack {version} with {guides} guides. The kiosks switch to it "
            "between visitors."
        ),
        "packs_republished": (
            "Pack {version} is the newest again. The kiosks switch to it between visitors."
        ),
        "packs_warnings": "Warnings (the pack was published all the same):",
        "packs_refused_problems": (
            "The pack was not published. Fix these problems in the guides, then build the "
            "pack again:"
        ),
        "packs_refused_other": "The pack was not published: {detail}",
        "packs_version_taken": (
            "Another pack with the same version was published before. Build the pack again "
            "with a new version (kiosk guides pack --version) and publish it."
        ),
        "packs_too_big": "The file is too big for a guide pack.",
        "packs_no_file": "Choose a guide pack file first.",
        "packs_not_allowed": "Your role does not allow publishing guide packs.",
        "packs_in_use_heading": "Newest pack",
        "packs_newest": "Pack {version} · {guides} guides · published {time} by {name}",
        "packs_none": (
            "No pack is published yet: the kiosks show the guides they were installed with."
        ),
        "packs_kiosks_heading": "Guides on each kiosk",
        "packs_kiosks_none": "No kiosks are paired yet.",
        "packs_kiosk_current": "newest pack",
        "packs_kiosk_shipped": "installed guides",
        "packs_kiosk_other": "pack {version}",
        "packs_kiosk_waiting": "switches between visitors",
        "packs_kiosk_unknown": "has not reported yet",
        "packs_kiosk_problem": "Problem: {problem}",
        "packs_due_heading": "Guides not checked in {days} days",
        "packs_due_help": (
            "Check these against the live service, fix what changed, write the day in "
            "“verified:” and publish a new pack."
        ),
        "packs_due_line": "last checked {date}, {days} days ago",
        "packs_due_never": "no date of a check",
        "packs_due_none": "Every guide was checked in the last {days} days.",
        "packs_history": "Earlier packs",
        "packs_history_line": "{version} · {guides} guides · {time} · {name}",
        "packs_history_gone": "(file no longer kept)",
    },
    "fi": {
        "tab_guides": "Ohjeet",
        "packs_publish_heading": "Julkaise ohjepaketti",
        "packs_publish_help": (
            "Tee paketti ohjekansiosta komennolla ”kiosk guides pack guides” ja valitse "
            "tiedosto tästä. Jokainen kone vaihtaa siihen asiakkaiden välillä."
        ),
        "packs_choose": "Ohjepaketin tiedosto",
        "packs_publish": "Julkaise",
        "packs_publishing": "Pakettia tarkistetaan…",
        "packs_published": (
            "Paketti {version} julkaistu, {guides} ohjetta. Koneet vaihtavat siihen "
            "asiakkaiden välillä."
        ),
        "packs_republished": (
            "Paketti {version} on taas uusin. Koneet vaihtavat siihen asiakkaiden välillä."
        ),
        "packs_warnings": "Varoitukset (paketti julkaistiin silti):",
        "packs_refused_problems": (
            "Pakettia ei julkaistu. Korjaa nämä virheet ohjeisiin ja tee paketti uudelleen:"
        ),
        "packs_refused_other": "Pakettia ei julkaistu: {detail}",
        "packs_version_taken": (
            "Samalla versiolla on jo julkaistu toinen paketti. Tee paketti uudelleen uudella "
            "versiolla (kiosk guides pack --version) ja julkaise se."
        ),
        "packs_too_big": "Tiedosto on liian suuri ohjepaketiksi.",
        "packs_no_file": "Valitse ensin ohjepaketin tiedosto.",
        "packs_not_allowed": "Roolisi ei salli ohjepakettien julkaisemista.",
        "packs_in_use_heading": "Uusin paketti",
        "packs_newest": "Paketti {version} · {guides} ohjetta · julkaistu {time}, {name}",
        "packs_none": (
            "Pakettia ei ole vielä julkaistu: koneet näyttävät ohjeet, jotka niihin asennettiin."
        ),
        "packs_kiosks_heading": "Ohjeet koneittain",
        "packs_kiosks_none": "Yhtään konetta ei ole vielä liitetty.",
        "packs_kiosk_current": "uusin paketti",
        "packs_kiosk_shipped": "asennetut ohjeet",
        "packs_kiosk_other": "paketti {version}",
        "packs_kiosk_waiting": "vaihtuu asiakkaiden välillä",
        "packs_kiosk_unknown": "ei ole vielä ilmoittanut",
        "packs_kiosk_problem": "Ongelma: {problem}",
        "packs_due_heading": "Ohjeet, joita ei ole tarkistettu {days} päivään",
        "packs_due_help": (
            "Tarkista nämä oikeaa palvelua vasten, korjaa muuttunut, kirjoita päivä kohtaan "
            "”verified:” ja julkaise uusi paketti."
        ),
        "packs_due_line": "tarkistettu {date}, {days} päivää sitten",
        "packs_due_never": "tarkistuspäivä puuttuu",
        "packs_due_none": "Kaikki ohjeet on tarkistettu viimeisen {days} päivän aikana.",
        "packs_history": "Aiemmat paketit",
        "packs_history_line": "{version} · {guides} ohjetta · {time} · {name}",
        "packs_history_gone": "(tiedostoa ei enää säilytetä)",
    },
    "sv": {
        "tab_guides": "Guider",
        "packs_publish_heading": "Publicera ett guidepaket",
        "packs_publish_help": (
            "Gör paketet av guidemappen med ”kiosk guides pack guides” och välj filen här. "
            "Varje dator byter till det mellan besökarna."
        ),
        "packs_choose": "Guidepaketets fil",
        "packs_publish": "Publicera",
        "packs_publishing": "Paketet kontrolleras…",
        "packs_published": (
            "Paket {version} publicerat med {guides} guider. Datorerna byter till det "
            "mellan besökarna."
        ),
        "packs_republished": (
            "Paket {version} är det nyaste igen. Datorerna byter till det mellan besökarna."
        ),
        "packs_warnings": "Varningar (paketet publicerades ändå):",
        "packs_refused_problems": (
            "Paketet publicerades inte. Rätta de här felen i guiderna och gör paketet igen:"
        ),
        "packs_refused_other": "Paketet publicerades inte: {detail}",
        "packs_version_taken": (
            "Ett annat paket med samma version har redan publicerats. Gör paketet igen med "
            "en ny version (kiosk guides pack --version) och publicera det."
        ),
        "packs_too_big": "Filen är för stor för ett guidepaket.",
        "packs_no_file": "Välj först guidepaketets fil.",
        "packs_not_allowed": "Din roll tillåter inte att publicera guidepaket.",
        "packs_in_use_heading": "Nyaste paketet",
        "packs_newest": "Paket {version} · {guides} guider · publicerat {time} av {name}",
        "packs_none": (
            "Inget paket har publicerats ännu: datorerna visar guiderna de installerades med."
        ),
        "packs_kiosks_heading": "Guider på varje dator",
        "packs_kiosks_none": "Inga datorer är kopplade ännu.",
        "packs_kiosk_current": "nyaste paketet",
        "packs_kiosk_shipped": "installerade guider",
        "packs_kiosk_other": "paket {version}",
        "packs_kiosk_waiting": "byts mellan besökarna",
        "packs_kiosk_unknown": "har inte rapporterat ännu",
        "packs_kiosk_problem": "Problem: {problem}",
        "packs_due_heading": "Guider som inte kontrollerats på {days} dagar",
        "packs_due_help": (
            "Kontrollera dem mot den riktiga tjänsten, rätta det som ändrats, skriv dagen i "
            "”verified:” och publicera ett nytt paket."
        ),
        "packs_due_line": "kontrollerad {date}, för {days} dagar sedan",
        "packs_due_never": "inget datum för kontroll",
        "packs_due_none": "Alla guider har kontrollerats under de senaste {days} dagarna.",
        "packs_history": "Tidigare paket",
        "packs_history_line": "{version} · {guides} guider · {time} · {name}",
        "packs_history_gone": "(filen sparas inte längre)",
    },
}
