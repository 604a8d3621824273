<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi">
<context>
    <name>ActionsPage</name>
    <message>
        <source>Erase the session now</source>
        <translation>Pyyhi istunto nyt</translation>
    </message>
    <message>
        <source>Everything on the screen is erased, as when a visitor leaves.</source>
        <translation>Kaikki näytöllä oleva pyyhitään, kuten kun kävijä lähtee.</translation>
    </message>
    <message>
        <source>Restart the kiosk</source>
        <translation>Käynnistä kioski uudelleen</translation>
    </message>
    <message>
        <source>The kiosk program starts again (the computer does not restart).</source>
        <translation>Kioskiohjelma käynnistyy uudelleen (tietokone ei käynnisty uudelleen).</translation>
    </message>
    <message>
        <source>Print a test page</source>
        <translation>Tulosta testisivu</translation>
    </message>
    <message>
        <source>One page to the kiosk&apos;s printer.</source>
        <translation>Yksi sivu kioskin tulostimelle.</translation>
    </message>
    <message>
        <source>Leave the kiosk for maintenance</source>
        <translation>Poistu kioskista huoltoa varten</translation>
    </message>
    <message>
        <source>The kiosk closes until the computer restarts. Asks for the code again.</source>
        <translation>Kioski sulkeutuu, kunnes tietokone käynnistetään uudelleen. Koodi kysytään uudelleen.</translation>
    </message>
</context>
<context>
    <name>AdminMode</name>
    <message>
        <source>Nothing was saved. Correct the marked settings.</source>
        <translation>Mitään ei tallennettu. Korjaa merkityt asetukset.</translation>
    </message>
    <message>
        <source>Nothing to save: no setting was changed.</source>
        <translation>Ei tallennettavaa: mitään asetusta ei muutettu.</translation>
    </message>
    <message>
        <source>Saved. The kiosk restarts with the new tiles when you lock.</source>
        <translation>Tallennettu. Kioski käynnistyy uudelleen uusilla ruuduilla, kun lukitset.</translation>
    </message>
    <message>
        <source>Saved. The new settings are in use now.</source>
        <translation>Tallennettu. Uudet asetukset ovat nyt käytössä.</translation>
    </message>
    <message>
        <source>The test page went to the printer.</source>
        <translation>Testisivu lähti tulostimelle.</translation>
    </message>
    <message>
        <source>No printer was found. Check that it is on and connected, and its name in Settings.</source>
        <translation>Tulostinta ei löytynyt. Tarkista, että se on päällä ja kytketty, ja sen nimi Asetuksissa.</translation>
    </message>
    <message>
        <source>The printer did not take the test page.</source>
        <translation>Tulostin ei ottanut testisivua vastaan.</translation>
    </message>
</context>
<context>
    <name>AdminPanel</name>
    <message>
        <source>Admin mode</source>
        <translation>Ylläpitotila</translation>
    </message>
    <message>
        <source>Locking ends admin mode and erases this session, as when a visitor leaves. It locks by itself after 2 minutes without a touch.</source>
        <translation>Lukitseminen lopettaa ylläpitotilan ja pyyhkii tämän istunnon, kuten kun kävijä lähtee. Tila lukittuu itsestään, kun näyttöön ei ole koskettu 2 minuuttiin.</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lukitse</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Kunto</translation>
    </message>
    <message>
        <source>Guides</source>
        <translation>Ohjeet</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Asetukset</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Toiminnot</translation>
    </message>
</context>
<context>
    <name>CodePad</name>
    <message>
        <source>Checking…</source>
        <translation>Tarkistetaan…</translation>
    </message>
    <message>
        <source>The lock has ended. Type the code.</source>
        <translation>Lukitus on päättynyt. Kirjoita koodi.</translation>
    </message>
    <message>
        <source>Locked after 5 wrong codes. Try again in {minutes} min. The staff page shows the code for this kiosk.</source>
        <translation>Lukittu 5 väärän koodin jälkeen. Yritä uudelleen {minutes} min kuluttua. Henkilökunnan sivu näyttää tämän kioskin koodin.</translation>
    </message>
    <message>
        <source>Wrong code. Wait {seconds} s and try again.</source>
        <translation>Väärä koodi. Odota {seconds} s ja yritä uudelleen.</translation>
    </message>
    <message>
        <source>Wrong code. Try again.</source>
        <translation>Väärä koodi. Yritä uudelleen.</translation>
    </message>
    <message>
        <source>No admin PIN and no one-time code is set on this computer, so admin mode cannot be opened. Set a PIN with: kiosk admin set-pin</source>
        <translation>Tähän tietokoneeseen ei ole asetettu ylläpidon PIN-koodia eikä kertakoodia, joten ylläpitotilaa ei voi avata. Aseta PIN-koodi komennolla: kiosk admin set-pin</translation>
    </message>
    <message>
        <source>The admin PIN is damaged. Set it again with: kiosk admin set-pin</source>
        <translation>Ylläpidon PIN-koodi on vaurioitunut. Aseta se uudelleen komennolla: kiosk admin set-pin</translation>
    </message>
    <message>
        <source>The code cannot be checked now: the admin verifier service does not answer. Restart the computer, or run kiosk doctor.</source>
        <translation>Koodia ei voi nyt tarkistaa: ylläpidon tarkistuspalvelu ei vastaa. Käynnistä tietokone uudelleen tai aja kiosk doctor.</translation>
    </message>
    <message>
        <source>Leave the kiosk for maintenance</source>
        <translation>Poistu kioskista huoltoa varten</translation>
    </message>
    <message>
        <source>The kiosk closes until the computer restarts. Type the code again to confirm.</source>
        <translation>Kioski sulkeutuu, kunnes tietokone käynnistetään uudelleen. Vahvista kirjoittamalla koodi uudelleen.</translation>
    </message>
    <message>
        <source>Staff only</source>
        <translation>Vain henkilökunnalle</translation>
    </message>
    <message>
        <source>Type the 6-digit code from the staff page, or the admin PIN.</source>
        <translation>Kirjoita henkilökunnan sivulla näkyvä 6-numeroinen koodi tai ylläpidon PIN-koodi.</translation>
    </message>
    <message>
        <source>Not protected: development checkout. On an installed kiosk the PIN is kept where the kiosk cannot read it.</source>
        <translation>Ei suojattu: kehitysversio. Asennetussa kioskissa PIN-koodi säilytetään paikassa, jota kioski ei voi lukea.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Poista</translation>
    </message>
    <message>
        <source>Erase the last digit</source>
        <translation>Poista viimeinen numero</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Admin code</source>
        <translation>Ylläpidon koodi</translation>
    </message>
</context>
<context>
    <name>DoctorChecks</name>
    <message>
        <source>The checks did not give a report. Run kiosk doctor in a terminal.</source>
        <extracomment>The checks are given up (and staff told so) after this long.</extracomment>
        <translation>Tarkistukset eivät antaneet raporttia. Aja kiosk doctor päätteessä.</translation>
    </message>
    <message>
        <source>The checks could not be started. Run kiosk doctor in a terminal.</source>
        <translation>Tarkistuksia ei voitu käynnistää. Aja kiosk doctor päätteessä.</translation>
    </message>
    <message>
        <source>The checks took over two minutes and were stopped.</source>
        <translation>Tarkistukset kestivät yli kaksi minuuttia, ja ne keskeytettiin.</translation>
    </message>
    <message>
        <source>Checking this PC. This can take a minute.</source>
        <translation>Tietokonetta tarkistetaan. Tämä voi kestää minuutin.</translation>
    </message>
    <message>
        <source>The same checks as kiosk doctor: computer, browser, safety, network.</source>
        <translation>Samat tarkistukset kuin kiosk doctor: tietokone, selain, turvallisuus, verkko.</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Ongelmia ei löytynyt.</translation>
    </message>
    <message>
        <source>Problems found: {count}. Each says how to fix it.</source>
        <translation>Ongelmia löytyi: {count}. Jokaisessa kerrotaan, miten sen voi korjata.</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>VIRHE</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Varoitus</translation>
    </message>
    <message>
        <source>Fix: {fix}</source>
        <translation>Korjaus: {fix}</translation>
    </message>
    <message>
        <source>OK: {names}</source>
        <translation>Kunnossa: {names}</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Tarkistukset</translation>
    </message>
    <message>
        <source>Check this PC</source>
        <translation>Tarkista tietokone</translation>
    </message>
</context>
<context>
    <name>GuidesPage</name>
    <message>
        <source>{count} guide(s) on the home screen</source>
        <translation>Etusivulla {count} ohjetta</translation>
    </message>
    <message>
        <source>Guide pack {version} from the help desk, in {folder}</source>
        <translation>Ohjepaketti {version} tukipalvelusta, kansiossa {folder}</translation>
    </message>
    <message>
        <source>Folder: {folder}</source>
        <translation>Kansio: {folder}</translation>
    </message>
    <message>
        <source>Problems in guide files (file:line):</source>
        <translation>Ongelmat ohjetiedostoissa (tiedosto:rivi):</translation>
    </message>
    <message>
        <source>No problems in the guide files.</source>
        <translation>Ohjetiedostoissa ei ole ongelmia.</translation>
    </message>
    <message>
        <source>The guides on disk have changed: the kiosk restarts with them when you lock.</source>
        <translation>Levyllä olevat ohjeet ovat muuttuneet: kioski käynnistyy uudelleen niiden kanssa, kun lukitset.</translation>
    </message>
    <message>
        <source>Check the guides again</source>
        <translation>Tarkista ohjeet uudelleen</translation>
    </message>
</context>
<context>
    <name>HealthPage</name>
    <message>
        <source>{used} of {total} MB in use ({percent} %)</source>
        <extracomment>&quot;Check this PC&quot;: kiosk doctor&apos;s checks (issue 13).</extracomment>
        <translation>Käytössä {used} / {total} Mt ({percent} %)</translation>
    </message>
    <message>
        <source>{free} MB free of {total} MB</source>
        <translation>Vapaana {free} Mt / {total} Mt</translation>
    </message>
    <message>
        <source>no battery</source>
        <translation>ei akkua</translation>
    </message>
    <message>
        <source>charging</source>
        <translation>latautuu</translation>
    </message>
    <message>
        <source>on battery</source>
        <translation>akkuvirralla</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>ei saatavilla</translation>
    </message>
    <message>
        <source>{count} processes, {mb} MB</source>
        <translation>{count} prosessia, {mb} Mt</translation>
    </message>
    <message>
        <source>on</source>
        <translation>päällä</translation>
    </message>
    <message>
        <source>OFF: never on a centre&apos;s computer</source>
        <translation>POIS PÄÄLTÄ: ei koskaan keskuksen tietokoneessa</translation>
    </message>
    <message>
        <source>protected: {where}</source>
        <translation>suojattu: {where}</translation>
    </message>
    <message>
        <source>not protected: development checkout</source>
        <translation>ei suojattu: kehitysversio</translation>
    </message>
    <message>
        <source>turned off in the settings</source>
        <translation>poistettu käytöstä asetuksissa</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>valmis</translation>
    </message>
    <message>
        <source>not running (it starts again at the next wipe)</source>
        <translation>ei käynnissä (käynnistyy uudelleen seuraavassa pyyhkimisessä)</translation>
    </message>
    <message>
        <source>all checks passed</source>
        <translation>kaikki tarkistukset läpäisty</translation>
    </message>
    <message>
        <source>FAILED: {checks}</source>
        <translation>EPÄONNISTUI: {checks}</translation>
    </message>
    <message>
        <source>No wipes yet.</source>
        <translation>Ei vielä pyyhkimisiä.</translation>
    </message>
    <message>
        <source>not set up</source>
        <translation>ei otettu käyttöön</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>yhteys toimii</translation>
    </message>
    <message>
        <source>cannot be reached</source>
        <translation>ei tavoitettavissa</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>yhdistetään</translation>
    </message>
    <message>
        <source>{state}; {count} request(s) waiting to be sent</source>
        <translation>{state}; {count} pyyntöä odottaa lähettämistä</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versio</translation>
    </message>
    <message>
        <source>Running for</source>
        <translation>Käynnissä</translation>
    </message>
    <message>
        <source>Processor</source>
        <translation>Suoritin</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Muisti</translation>
    </message>
    <message>
        <source>Disk (data folder)</source>
        <translation>Levy (datakansio)</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>Akku</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Lämpötila</translation>
    </message>
    <message>
        <source>Browser engine</source>
        <translation>Selainmoottori</translation>
    </message>
    <message>
        <source>Browser sandbox</source>
        <translation>Selaimen hiekkalaatikko</translation>
    </message>
    <message>
        <source>Admin PIN</source>
        <translation>Ylläpidon PIN-koodi</translation>
    </message>
    <message>
        <source>Help desk</source>
        <translation>Tukipalvelu</translation>
    </message>
    <message>
        <source>Reading aloud</source>
        <translation>Ääneen lukeminen</translation>
    </message>
    <message>
        <source>Last 20 wipes</source>
        <translation>Viimeiset 20 pyyhkimistä</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Type a whole number, like 180.</source>
        <translation>Kirjoita kokonaisluku, esimerkiksi 180.</translation>
    </message>
    <message>
        <source>Type a number from {low} to {high}.</source>
        <translation>Kirjoita luku väliltä {low}–{high}.</translation>
    </message>
    <message>
        <source>A phone number has 5 to 15 digits (spaces, + and - are fine).</source>
        <translation>Puhelinnumerossa on 5–15 numeroa (välilyönnit, + ja - käyvät).</translation>
    </message>
    <message>
        <source>This is too long.</source>
        <translation>Tämä on liian pitkä.</translation>
    </message>
    <message>
        <source>Choose one of the kiosk&apos;s languages.</source>
        <translation>Valitse jokin kioskin kielistä.</translation>
    </message>
    <message>
        <source>Choose tiles from the list.</source>
        <translation>Valitse ruudut luettelosta.</translation>
    </message>
    <message>
        <source>The settings could not be saved ({reason}).</source>
        <translation>Asetuksia ei voitu tallentaa ({reason}).</translation>
    </message>
    <message>
        <source>Seconds without a touch before the warning</source>
        <translation>Sekuntia ilman kosketusta ennen varoitusta</translation>
    </message>
    <message>
        <source>Seconds the warning counts down</source>
        <translation>Sekuntia, jotka varoitus laskee alaspäin</translation>
    </message>
    <message>
        <source>Language after each visitor</source>
        <translation>Kieli jokaisen kävijän jälkeen</translation>
    </message>
    <message>
        <source>Printer (empty: the default printer)</source>
        <translation>Tulostin (tyhjä: oletustulostin)</translation>
    </message>
    <message>
        <source>Pages one visitor may print (0: none)</source>
        <translation>Sivuja, jotka yksi kävijä saa tulostaa (0: ei yhtään)</translation>
    </message>
    <message>
        <source>Centre&apos;s phone number</source>
        <translation>Keskuksen puhelinnumero</translation>
    </message>
    <message>
        <source>Centre&apos;s WhatsApp number</source>
        <translation>Keskuksen WhatsApp-numero</translation>
    </message>
    <message>
        <source>Tiles on the home screen</source>
        <translation>Etusivun ruudut</translation>
    </message>
    <message>
        <source>Tick the tiles to show. Choose a tile and move it up or down to change the order.</source>
        <translation>Valitse näytettävät ruudut rastilla. Muuta järjestystä valitsemalla ruutu ja siirtämällä sitä ylös tai alas.</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Siirrä ylös</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Siirrä alas</translation>
    </message>
    <message>
        <source>Save the settings</source>
        <translation>Tallenna asetukset</translation>
    </message>
</context>
</TS>
