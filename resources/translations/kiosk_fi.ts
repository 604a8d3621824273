<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi">
<context>
    <name>BlockedPage</name>
    <message>
        <source>This page is not available on this computer</source>
        <translation>Tätä sivua ei voi avata tällä koneella</translation>
    </message>
    <message>
        <source>This computer opens only the pages that this errand needs. Go back to where you were. If you need this page, ask for help.</source>
        <translation>Tällä koneella voi avata vain ne sivut, joita tämä asia tarvitsee. Palaa takaisin. Jos tarvitset tätä sivua, pyydä apua.</translation>
    </message>
    <message>
        <source>Address: {address}</source>
        <translation>Osoite: {address}</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Palaa takaisin</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>Page {number} of {total}</source>
        <translation>Sivu {number}/{total}</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Edellinen sivu</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Seuraava sivu</translation>
    </message>
    <message>
        <source>Bigger</source>
        <translation>Suurempi</translation>
    </message>
    <message>
        <source>Smaller</source>
        <translation>Pienempi</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Tulosta</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
</context>
<context>
    <name>EndConfirm</name>
    <message>
        <source>End your session?</source>
        <translation>Lopetetaanko?</translation>
    </message>
    <message>
        <source>Everything you did on this computer will be erased: the pages you opened, what you typed and your files.</source>
        <translation>Kaikki, mitä teit tällä koneella, pyyhitään pois: avaamasi sivut, kirjoittamasi tekstit ja tiedostosi.</translation>
    </message>
    <message>
        <source>Yes, end and erase</source>
        <translation>Kyllä, lopeta ja pyyhi</translation>
    </message>
    <message>
        <source>No, go back</source>
        <translation>En, palaa takaisin</translation>
    </message>
</context>
<context>
    <name>ExternalLinkCard</name>
    <message>
        <source>E-mail address</source>
        <translation>Sähköpostiosoite</translation>
    </message>
    <message>
        <source>This computer cannot send e-mail. Write to this address with your phone.</source>
        <translation>Tällä koneella ei voi lähettää sähköpostia. Kirjoita tähän osoitteeseen puhelimella.</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>Tekstiviesti</translation>
    </message>
    <message>
        <source>This computer cannot send text messages. Send it with your phone.</source>
        <translation>Tällä koneella ei voi lähettää tekstiviestejä. Lähetä viesti puhelimella.</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Puhelinnumero</translation>
    </message>
    <message>
        <source>This computer cannot call. Call with your phone.</source>
        <translation>Tällä koneella ei voi soittaa. Soita puhelimella.</translation>
    </message>
    <message>
        <source>Or point your phone&apos;s camera at the square. It opens the address.</source>
        <translation>Tai osoita ruutua puhelimen kameralla. Puhelin avaa osoitteen.</translation>
    </message>
    <message>
        <source>Or point your phone&apos;s camera at the square. It opens the number.</source>
        <translation>Tai osoita ruutua puhelimen kameralla. Puhelin avaa numeron.</translation>
    </message>
    <message>
        <source>Back to the page</source>
        <translation>Takaisin sivulle</translation>
    </message>
</context>
<context>
    <name>FileChooser</name>
    <message>
        <source>From a USB stick</source>
        <translation>USB-tikulta</translation>
    </message>
    <message>
        <source>Downloaded now</source>
        <translation>Ladattu nyt</translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation>Valittu</translation>
    </message>
    <message>
        <source>Choose a file to attach</source>
        <translation>Valitse liitettävä tiedosto</translation>
    </message>
    <message>
        <source>Here are the files you downloaded during this visit. Tap a file, then press Attach.</source>
        <translation>Tässä ovat tiedostot, jotka latasit tämän käynnin aikana. Napauta tiedostoa ja paina Liitä.</translation>
    </message>
    <message>
        <source>Here are the files you downloaded during this visit, and the files on your USB stick. Tap a file, then press Attach.</source>
        <translation>Tässä ovat tiedostot, jotka latasit tämän käynnin aikana, ja USB-tikkusi tiedostot. Napauta tiedostoa ja paina Liitä.</translation>
    </message>
    <message>
        <source>There are no files here yet. First download the file on this computer, or ask the staff to scan your paper.</source>
        <translation>Täällä ei ole vielä tiedostoja. Lataa ensin tiedosto tällä koneella, tai pyydä henkilökuntaa skannaamaan paperisi.</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Liitä</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
</context>
<context>
    <name>GuidePanel</name>
    <message>
        <source>Stop reading</source>
        <translation>Lopeta lukeminen</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Lue ääneen</translation>
    </message>
    <message>
        <source>Before you start, you need:</source>
        <translation>Ennen kuin aloitat, tarvitset:</translation>
    </message>
    <message>
        <source>What happens next</source>
        <translation>Mitä tapahtuu seuraavaksi</translation>
    </message>
    <message>
        <source>Step {number} of {total}</source>
        <translation>Vaihe {number}/{total}</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Aloita</translation>
    </message>
    <message>
        <source>Next tip</source>
        <translation>Seuraava vinkki</translation>
    </message>
    <message>
        <source>This service is in {language}. The guide names its buttons in {language}.</source>
        <translation>Palvelun kieli on {language}. Ohje kertoo palvelun painikkeiden nimet kielellä {language}.</translation>
    </message>
    <message>
        <source>Previous tip</source>
        <translation>Edellinen vinkki</translation>
    </message>
    <message>
        <source>Done — back to services</source>
        <translation>Valmis – takaisin palveluihin</translation>
    </message>
    <message>
        <source>The button is further down the page: scroll the page down to find it.</source>
        <translation>Painike on alempana sivulla. Vieritä sivua alaspäin, niin löydät sen.</translation>
    </message>
    <message>
        <source>This guide is not available in your language. It is shown in {language}.</source>
        <translation>Tätä ohjetta ei ole sinun kielelläsi. Ohjeen kieli on {language}.</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>suomi</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>ruotsi</translation>
    </message>
    <message>
        <source>English</source>
        <translation>englanti</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Kyllä</translation>
    </message>
    <message>
        <source>No</source>
        <translation>En</translation>
    </message>
    <message>
        <source>Good. Go on with the page.</source>
        <translation>Hyvä. Jatka sivulla.</translation>
    </message>
    <message>
        <source>That is all right. A digital supporter can help you.</source>
        <translation>Ei haittaa. Digitukija voi auttaa sinua.</translation>
    </message>
    <message>
        <source>Call digital support</source>
        <translation>Pyydä apua</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Please check the phone number: it has 5 to 15 digits.</source>
        <translation>Tarkista puhelinnumero: siinä on 5–15 numeroa.</translation>
    </message>
    <message>
        <source>Call digital support</source>
        <translation>Pyydä apua</translation>
    </message>
    <message>
        <source>What do you need help with?</source>
        <translation>Missä tarvitset apua?</translation>
    </message>
    <message>
        <source>Logging in</source>
        <translation>Kirjautuminen</translation>
    </message>
    <message>
        <source>A form or application</source>
        <translation>Lomake tai hakemus</translation>
    </message>
    <message>
        <source>Printing or scanning</source>
        <translation>Tulostus tai skannaus</translation>
    </message>
    <message>
        <source>The computer itself</source>
        <translation>Itse tietokone</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Jokin muu</translation>
    </message>
    <message>
        <source>Do you want us to call you? Write your phone number (you can leave it empty).</source>
        <translation>Haluatko, että sinulle soitetaan? Kirjoita puhelinnumerosi (voit jättää tyhjäksi).</translation>
    </message>
    <message>
        <source>for example 040 123 4567</source>
        <translation>esimerkiksi 040 123 4567</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Takaisin</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Lähetä</translation>
    </message>
    <message>
        <source>Help requests are not in use on this computer. Please ask the staff.</source>
        <translation>Avunpyynnöt eivät ole käytössä tällä koneella. Kysy henkilökunnalta.</translation>
    </message>
    <message>
        <source>The connection to the staff is down right now. Your request will reach them when the connection is back.</source>
        <translation>Yhteys henkilökuntaan on nyt poikki. Pyyntösi menee perille, kun yhteys palaa.</translation>
    </message>
    <message>
        <source>Phone: {number}</source>
        <translation>Puhelin: {number}</translation>
    </message>
    <message>
        <source>WhatsApp: {number}</source>
        <translation>WhatsApp: {number}</translation>
    </message>
</context>
<context>
    <name>HelpWaitScreen</name>
    <message>
        <source>Help is coming. Please wait here.</source>
        <translation>Apu on tulossa. Odota tässä.</translation>
    </message>
    <message>
        <source>Your page is kept as it was. You can go back to it at any time.</source>
        <translation>Sivusi säilyy ennallaan. Voit palata siihen milloin vain.</translation>
    </message>
    <message>
        <source>Back to my page</source>
        <translation>Takaisin sivulleni</translation>
    </message>
    <message>
        <source>I don&apos;t need help any more</source>
        <translation>En tarvitse enää apua</translation>
    </message>
    <message>
        <source>Cancel the request? You will lose your place in line.</source>
        <translation>Perutaanko pyyntö? Menetät paikkasi jonossa.</translation>
    </message>
    <message>
        <source>Yes, cancel</source>
        <translation>Kyllä, peru</translation>
    </message>
    <message>
        <source>No, keep it</source>
        <translation>Ei, pidä se</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>What do you want to do today?</source>
        <translation>Mitä haluat tehdä tänään?</translation>
    </message>
    <message>
        <source>Tap a tile. A guide beside the page shows you each step.</source>
        <translation>Paina ruutua. Sivun vieressä oleva ohje neuvoo sinua joka vaiheessa.</translation>
    </message>
    <message>
        <source>No guides are installed on this computer. Staff: run &apos;kiosk guides check&apos; to see why, then restart the kiosk.</source>
        <translation>Tällä koneella ei ole ohjeita. Henkilökunta: katso syy komennolla &apos;kiosk guides check&apos; ja käynnistä kioski sitten uudelleen.</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <source>Time left: {time}</source>
        <translation>Aikaa jäljellä: {time}</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>Oletko vielä täällä?</translation>
    </message>
    <message>
        <source>When the time runs out, everything you did here is erased. Touch the screen to continue.</source>
        <translation>Kun aika loppuu, kaikki tekemäsi pyyhitään pois. Jatka koskettamalla näyttöä.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Jatka</translation>
    </message>
</context>
<context>
    <name>InfoPage</name>
    <message>
        <source>Call digital support</source>
        <translation>Pyydä apua</translation>
    </message>
</context>
<context>
    <name>LanguageChooser</name>
    <message>
        <source>Choose your language</source>
        <translation>Valitse kieli</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Takaisin</translation>
    </message>
</context>
<context>
    <name>LeaveServiceConfirm</name>
    <message>
        <source>Leave this service?</source>
        <translation>Lopetetaanko tämä palvelu?</translation>
    </message>
    <message>
        <source>The page closes, and what you have filled in on it is lost. You can open the service again from All services.</source>
        <translation>Sivu sulkeutuu, ja siihen täyttämäsi tiedot häviävät. Voit avata palvelun uudelleen kohdasta Kaikki palvelut.</translation>
    </message>
    <message>
        <source>No, stay here</source>
        <translation>Ei, jään tähän</translation>
    </message>
    <message>
        <source>Yes, show all services</source>
        <translation>Kyllä, näytä kaikki palvelut</translation>
    </message>
</context>
<context>
    <name>NoticeCard</name>
    <message>
        <source>This file cannot be saved on this computer</source>
        <extracomment>What the visitor is told for each refused download (a test checks every one has one).</extracomment>
        <translation>Tätä tiedostoa ei voi tallentaa tälle koneelle</translation>
    </message>
    <message>
        <source>It is a program. Programs cannot be started here, to keep this computer safe for everyone.</source>
        <translation>Se on ohjelma. Ohjelmia ei voi käynnistää täällä, jotta kone pysyy turvallisena kaikille.</translation>
    </message>
    <message>
        <source>It is a packed file (such as .zip). Packed files cannot be opened here. Ask the service for a PDF instead.</source>
        <translation>Se on pakattu tiedosto (esimerkiksi .zip). Pakattuja tiedostoja ei voi avata täällä. Pyydä palvelulta PDF-tiedosto.</translation>
    </message>
    <message>
        <source>This computer saves only documents and pictures, such as PDF files and photos.</source>
        <translation>Tälle koneelle voi tallentaa vain asiakirjoja ja kuvia, kuten PDF-tiedostoja ja valokuvia.</translation>
    </message>
    <message>
        <source>The file is not what its name says. It was thrown away, to be safe.</source>
        <translation>Tiedosto ei ole sitä, mitä sen nimi sanoo. Se poistettiin varmuuden vuoksi.</translation>
    </message>
    <message>
        <source>The file is too big for this computer.</source>
        <translation>Tiedosto on liian suuri tälle koneelle.</translation>
    </message>
    <message>
        <source>The page cannot be saved</source>
        <translation>Sivua ei voi tallentaa</translation>
    </message>
    <message>
        <source>You can print the page instead: press Print.</source>
        <translation>Voit sen sijaan tulostaa sivun: paina Tulosta.</translation>
    </message>
    <message>
        <source>The file is saved for this visit</source>
        <translation>Tiedosto on tallessa tämän käynnin ajan</translation>
    </message>
    <message>
        <source>It cannot be shown on this computer, but you can attach it to an application. It is deleted when you end the session.</source>
        <translation>Sitä ei voi näyttää tällä koneella, mutta voit liittää sen hakemukseen. Se poistetaan, kun lopetat istunnon.</translation>
    </message>
    <message>
        <source>The file cannot be shown</source>
        <translation>Tiedostoa ei voi näyttää</translation>
    </message>
    <message>
        <source>The file is damaged or in a form this computer cannot show.</source>
        <translation>Tiedosto on rikki tai muodossa, jota tämä kone ei osaa näyttää.</translation>
    </message>
    <message>
        <source>This page is not safe to open</source>
        <translation>Tätä sivua ei ole turvallista avata</translation>
    </message>
    <message>
        <source>The page&apos;s safety certificate is not valid, so someone could read what you send. The kiosk did not open it. Try again later, or ask for help.</source>
        <translation>Sivun turvavarmenne ei ole kunnossa, joten joku voisi lukea, mitä lähetät. Kone ei avannut sivua. Yritä myöhemmin uudelleen tai pyydä apua.</translation>
    </message>
    <message>
        <source>Passkeys cannot be used here</source>
        <translation>Pääsyavaimia ei voi käyttää täällä</translation>
    </message>
    <message>
        <source>This computer is shared, so passkeys and security keys are not used. Choose another way to log in, such as bank codes or a mobile certificate.</source>
        <translation>Tämä kone on yhteiskäytössä, joten pääsyavaimia ja turva-avaimia ei käytetä. Valitse toinen tapa kirjautua, esimerkiksi pankkitunnukset tai mobiilivarmenne.</translation>
    </message>
    <message>
        <source>Folders cannot be chosen here</source>
        <translation>Kansioita ei voi valita täällä</translation>
    </message>
    <message>
        <source>Choose one file at a time instead.</source>
        <translation>Valitse sen sijaan yksi tiedosto kerrallaan.</translation>
    </message>
    <message>
        <source>Too many windows</source>
        <translation>Liian monta ikkunaa</translation>
    </message>
    <message>
        <source>The page tried to open many new windows. Close the open window first.</source>
        <translation>Sivu yritti avata monta uutta ikkunaa. Sulje ensin avoin ikkuna.</translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation>Tiedosto: {name}</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Call digital support</source>
        <translation>Pyydä apua</translation>
    </message>
</context>
<context>
    <name>OfflinePage</name>
    <message>
        <source>The page could not be opened</source>
        <translation>Sivua ei voitu avata</translation>
    </message>
    <message>
        <source>There may be no internet connection right now, or the service is not answering. Wait a moment and press Try again.</source>
        <translation>Internet-yhteys ei ehkä toimi juuri nyt, tai palvelu ei vastaa. Odota hetki ja paina Yritä uudelleen.</translation>
    </message>
    <message>
        <source>If this keeps happening, tell the staff.</source>
        <translation>Jos tämä toistuu, kerro henkilökunnalle.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Yritä uudelleen</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Kaikki palvelut</translation>
    </message>
</context>
<context>
    <name>OutcomeQuestion</name>
    <message>
        <source>Did you get it done?</source>
        <translation>Saitko asiasi hoidettua?</translation>
    </message>
    <message>
        <source>One tap is enough. Your answer is only counted, together with everyone else&apos;s; nobody sees it was yours.</source>
        <translation>Yksi napautus riittää. Vastauksesi vain lasketaan yhteen muiden vastausten kanssa; kukaan ei näe, että se oli sinun.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Kyllä</translation>
    </message>
    <message>
        <source>Partly</source>
        <translation>Osittain</translation>
    </message>
    <message>
        <source>No</source>
        <translation>En</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Ohita</translation>
    </message>
</context>
<context>
    <name>PageCrashedPage</name>
    <message>
        <source>This page stopped working</source>
        <translation>Tämä sivu lakkasi toimimasta</translation>
    </message>
    <message>
        <source>The page closed unexpectedly. Press Try again to open it again. If you were filling in a form, check what you typed.</source>
        <translation>Sivu sulkeutui yllättäen. Avaa se uudelleen painamalla Yritä uudelleen. Jos täytit lomaketta, tarkista mitä kirjoitit.</translation>
    </message>
    <message>
        <source>If this keeps happening, tell the staff.</source>
        <translation>Jos tämä toistuu, kerro henkilökunnalle.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Yritä uudelleen</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Etusivu</translation>
    </message>
</context>
<context>
    <name>PopupHost</name>
    <message>
        <source>The page opened a new window. When you are done with it, close it.</source>
        <translation>Sivu avasi uuden ikkunan. Kun olet valmis, sulje se.</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Sulje tämä ikkuna</translation>
    </message>
</context>
<context>
    <name>PrintPageButton</name>
    <message>
        <source>Print</source>
        <translation>Tulosta</translation>
    </message>
    <message>
        <source>Print this page</source>
        <translation>Tulosta tämä sivu</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Page {number} of {total}</source>
        <extracomment>The page is drawn as wide as this at least: a letter&apos;s 12-point text comes out at about 14 px, readable (the page scrolls for its lower part).</extracomment>
        <translation>Sivu {number}/{total}</translation>
    </message>
    <message>
        <source>Pages: {pages}</source>
        <translation>Sivuja: {pages}</translation>
    </message>
    <message>
        <source>Printing is not available on this computer.</source>
        <translation>Tällä koneella ei voi tulostaa.</translation>
    </message>
    <message>
        <source>You have printed {limit} pages. That is the most one visit can print. Ask the staff if you need more.</source>
        <translation>Olet tulostanut {limit} sivua. Enempää ei voi tulostaa yhdellä käynnillä. Kysy henkilökunnalta, jos tarvitset lisää.</translation>
    </message>
    <message>
        <source>This would be {sheets} pages. You can print {remaining} more pages.</source>
        <translation>Tämä olisi {sheets} sivua. Voit tulostaa vielä {remaining} sivua.</translation>
    </message>
    <message>
        <source>This prints {sheets} pages. You can still print {remaining} pages on this visit.</source>
        <translation>Tämä tulostaa {sheets} sivua. Voit tulostaa vielä {remaining} sivua tällä käynnillä.</translation>
    </message>
    <message>
        <source>Printing. Fetch your papers from the printer.</source>
        <translation>Tulostetaan. Hae paperit tulostimelta.</translation>
    </message>
    <message>
        <source>The printer is not ready. Ask the staff for help.</source>
        <translation>Tulostin ei ole valmis. Pyydä apua henkilökunnalta.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Tulosta</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Edellinen sivu</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Seuraava sivu</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Kappaleita</translation>
    </message>
    <message>
        <source>Fewer copies</source>
        <translation>Vähemmän kappaleita</translation>
    </message>
    <message>
        <source>More copies</source>
        <translation>Enemmän kappaleita</translation>
    </message>
</context>
<context>
    <name>ScreenShare</name>
    <message>
        <source>Paused: identification in progress. The guide is still visible.</source>
        <translation>Tauko: tunnistautuminen on kesken. Ohje näkyy edelleen.</translation>
    </message>
    <message>
        <source>Paused: the visitor is typing a password.</source>
        <translation>Tauko: asiakas kirjoittaa salasanaa.</translation>
    </message>
</context>
<context>
    <name>ServiceView</name>
    <message>
        <source>Practice pages: not a real service</source>
        <translation>Harjoitussivut: ei oikea palvelu</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Takaisin</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Kaikki palvelut</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Päivitä</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Suurenna</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Pienennä</translation>
    </message>
    <message>
        <source>You are proving who you are. Going back now would break it. To stop, press Cancel on the page.</source>
        <translation>Olet tunnistautumassa. Takaisin-painike keskeyttäisi sen. Jos haluat lopettaa, paina sivulla Keskeytä.</translation>
    </message>
</context>
<context>
    <name>ShareBanner</name>
    <message>
        <source>Someone</source>
        <translation>Joku</translation>
    </message>
    <message>
        <source>{name} from digital support sees your screen. They cannot press anything.</source>
        <translation>{name} digituesta näkee näyttösi. Hän ei voi painaa mitään.</translation>
    </message>
    <message>
        <source>The page is hidden from {name} while you type a password.</source>
        <translation>{name} ei näe sivua, kun kirjoitat salasanaa.</translation>
    </message>
    <message>
        <source>The identification page is hidden from {name}.</source>
        <translation>{name} ei näe tunnistautumissivua.</translation>
    </message>
    <message>
        <source>Sharing stops in {minutes} min.</source>
        <translation>Jakaminen loppuu {minutes} minuutin päästä.</translation>
    </message>
    <message>
        <source>Keep sharing</source>
        <translation>Jatka jakamista</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>Lopeta jakaminen</translation>
    </message>
</context>
<context>
    <name>ShareConsent</name>
    <message>
        <source>Someone</source>
        <translation>Joku</translation>
    </message>
    <message>
        <source>{name} from digital support would like to see your screen.</source>
        <translation>{name} digituesta haluaisi nähdä näyttösi.</translation>
    </message>
    <message>
        <source>They cannot press anything. Passwords and bank pages are never shown. You can stop sharing at any time.</source>
        <translation>Hän ei voi painaa mitään. Salasanoja ja pankin sivuja ei näytetä koskaan. Voit lopettaa jakamisen milloin tahansa.</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Ei</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>Salli</translation>
    </message>
</context>
<context>
    <name>StaffNotice</name>
    <message>
        <source>Staff will end this session in {seconds} s.</source>
        <translation>Henkilökunta lopettaa tämän istunnon {seconds} s kuluttua.</translation>
    </message>
    <message>
        <source>Staff will close this computer for maintenance in {seconds} s.</source>
        <translation>Henkilökunta sulkee tämän tietokoneen huoltoa varten {seconds} s kuluttua.</translation>
    </message>
    <message>
        <source>Staff will restart this computer in {seconds} s.</source>
        <translation>Henkilökunta käynnistää tämän tietokoneen uudelleen {seconds} s kuluttua.</translation>
    </message>
    <message>
        <source>Everything you did here will be erased. Write down what you need now, or ask staff.</source>
        <translation>Kaikki, mitä teit täällä, pyyhitään. Kirjoita tarvitsemasi tiedot muistiin nyt tai kysy henkilökunnalta.</translation>
    </message>
</context>
<context>
    <name>StatusBanner</name>
    <message>
        <source>Your request is saved. It will reach the staff when the connection is back.</source>
        <translation>Pyyntösi on tallessa. Se menee henkilökunnalle, kun yhteys palaa.</translation>
    </message>
    <message>
        <source>Sending your request…</source>
        <translation>Pyyntöäsi lähetetään…</translation>
    </message>
    <message>
        <source>Your request is in line. You are next.</source>
        <translation>Pyyntösi on jonossa. Olet seuraavana.</translation>
    </message>
    <message>
        <source>Your request is in line. You are number {position}.</source>
        <translation>Pyyntösi on jonossa. Olet jonossa {position}.</translation>
    </message>
    <message>
        <source>Your request is in line.</source>
        <translation>Pyyntösi on jonossa.</translation>
    </message>
    <message>
        <source>A digital supporter has seen your request.</source>
        <translation>Digitukija on nähnyt pyyntösi.</translation>
    </message>
    <message>
        <source>Someone is coming to help you in about {minutes} minutes.</source>
        <translation>Joku tulee auttamaan sinua noin {minutes} minuutin päästä.</translation>
    </message>
    <message>
        <source>Someone is coming to help you.</source>
        <translation>Joku tulee auttamaan sinua.</translation>
    </message>
    <message>
        <source>A digital supporter will call you.</source>
        <translation>Digitukija soittaa sinulle.</translation>
    </message>
    <message>
        <source>Done. Thank you!</source>
        <translation>Valmis. Kiitos!</translation>
    </message>
    <message>
        <source>Your request was cancelled.</source>
        <translation>Pyyntösi peruttiin.</translation>
    </message>
    <message>
        <source>Your number is {code}.</source>
        <translation>Numerosi on {code}.</translation>
    </message>
    <message>
        <source>Helper: {name}</source>
        <translation>Auttaja: {name}</translation>
    </message>
    <message>
        <source>Message from the staff: {message}</source>
        <translation>Viesti henkilökunnalta: {message}</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>Peru pyyntö</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel the request? You will lose your place in line.</source>
        <translation>Perutaanko pyyntö? Menetät paikkasi jonossa.</translation>
    </message>
    <message>
        <source>Yes, cancel</source>
        <translation>Kyllä, peru</translation>
    </message>
    <message>
        <source>No, keep it</source>
        <translation>Ei, pidä se</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Smaller text</source>
        <translation>Pienempi teksti</translation>
    </message>
    <message>
        <source>Bigger text</source>
        <translation>Isompi teksti</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>Kontrasti</translation>
    </message>
    <message>
        <source>Strong colours on or off</source>
        <translation>Vahvat värit päälle tai pois</translation>
    </message>
    <message>
        <source>Call digital support</source>
        <translation>Pyydä apua</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>Lopeta</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Lisää kieliä</translation>
    </message>
</context>
<context>
    <name>WebDialog</name>
    <message>
        <source>The page says</source>
        <translation>Sivu sanoo</translation>
    </message>
    <message>
        <source>The page asks</source>
        <translation>Sivu kysyy</translation>
    </message>
    <message>
        <source>The page asks you to write</source>
        <translation>Sivu pyytää sinua kirjoittamaan</translation>
    </message>
    <message>
        <source>Leave this page?</source>
        <translation>Poistutaanko sivulta?</translation>
    </message>
    <message>
        <source>The page asks for a user name and password</source>
        <translation>Sivu kysyy käyttäjätunnusta ja salasanaa</translation>
    </message>
    <message>
        <source>Page: {address}</source>
        <translation>Sivu: {address}</translation>
    </message>
    <message>
        <source>If you leave, what you wrote on this page may be lost.</source>
        <translation>Jos poistut, tälle sivulle kirjoittamasi voi kadota.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Käyttäjätunnus</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Salasana</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Poistu</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Kirjaudu</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Jää sivulle</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
</context>
</TS>
