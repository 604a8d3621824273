<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="et_EE">
<context>
    <name>BlockedPage</name>
    <message>
        <source>This page is not available on this computer</source>
        <translation>Seda lehte ei saa selles arvutis avada</translation>
    </message>
    <message>
        <source>This computer opens only the pages that this errand needs. Go back to where you were. If you need this page, ask for help.</source>
        <translation>Selles arvutis saab avada ainult neid lehti, mida see asi vajab. Mine tagasi. Kui sul on seda lehte vaja, küsi abi.</translation>
    </message>
    <message>
        <source>Address: {address}</source>
        <translation>Aadress: {address}</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Mine tagasi</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>Page {number} of {total}</source>
        <translation>Leht {number}/{total}</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Eelmine leht</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Järgmine leht</translation>
    </message>
    <message>
        <source>Bigger</source>
        <translation>Suuremaks</translation>
    </message>
    <message>
        <source>Smaller</source>
        <translation>Väiksemaks</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Prindi</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulge</translation>
    </message>
</context>
<context>
    <name>EndConfirm</name>
    <message>
        <source>End your session?</source>
        <translation>Kas lõpetad?</translation>
    </message>
    <message>
        <source>Everything you did on this computer will be erased: the pages you opened, what you typed and your files.</source>
        <translation>Kõik, mida sa selles arvutis tegid, kustutatakse: avatud lehed, sinu kirjutatud tekst ja sinu failid.</translation>
    </message>
    <message>
        <source>Yes, end and erase</source>
        <translation>Jah, lõpeta ja kustuta</translation>
    </message>
    <message>
        <source>No, go back</source>
        <translation>Ei, mine tagasi</translation>
    </message>
</context>
<context>
    <name>ExternalLinkCard</name>
    <message>
        <source>E-mail address</source>
        <translation>E-posti aadress</translation>
    </message>
    <message>
        <source>This computer cannot send e-mail. Write to this address with your phone.</source>
        <translation>Selle arvutiga ei saa e-kirja saata. Kirjuta sellele aadressile oma telefoniga.</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>Tekstisõnum</translation>
    </message>
    <message>
        <source>This computer cannot send text messages. Send it with your phone.</source>
        <translation>Selle arvutiga ei saa tekstisõnumeid saata. Saada sõnum oma telefoniga.</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Telefoninumber</translation>
    </message>
    <message>
        <source>This computer cannot call. Call with your phone.</source>
        <translation>Selle arvutiga ei saa helistada. Helista oma telefoniga.</translation>
    </message>
    <message>
        <source>Or point your phone&apos;s camera at the square. It opens the address.</source>
        <translation>Või suuna telefoni kaamera ruudule. Telefon avab aadressi.</translation>
    </message>
    <message>
        <source>Or point your phone&apos;s camera at the square. It opens the number.</source>
        <translation>Või suuna telefoni kaamera ruudule. Telefon avab numbri.</translation>
    </message>
    <message>
        <source>Back to the page</source>
        <translation>Tagasi lehele</translation>
    </message>
</context>
<context>
    <name>FileChooser</name>
    <message>
        <source>From a USB stick</source>
        <translation>USB-pulgalt</translation>
    </message>
    <message>
        <source>Downloaded now</source>
        <translation>Praegu alla laaditud</translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation>Valitud</translation>
    </message>
    <message>
        <source>Choose a file to attach</source>
        <translation>Vali fail, mida lisada</translation>
    </message>
    <message>
        <source>Here are the files you downloaded during this visit. Tap a file, then press Attach.</source>
        <translation>Siin on failid, mille sa selle külastuse ajal alla laadisid. Puuduta faili ja vajuta Lisa.</translation>
    </message>
    <message>
        <source>Here are the files you downloaded during this visit, and the files on your USB stick. Tap a file, then press Attach.</source>
        <translation>Siin on failid, mille sa selle külastuse ajal alla laadisid, ja sinu USB-pulga failid. Puuduta faili ja vajuta Lisa.</translation>
    </message>
    <message>
        <source>There are no files here yet. First download the file on this computer, or ask the staff to scan your paper.</source>
        <translation>Siin ei ole veel faile. Laadi fail kõigepealt selle arvutiga alla või palu töötajatel oma paber skannida.</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Lisa</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Tühista</translation>
    </message>
</context>
<context>
    <name>GuidePanel</name>
    <message>
        <source>Stop reading</source>
        <translation>Lõpeta lugemine</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Loe ette</translation>
    </message>
    <message>
        <source>Before you start, you need:</source>
        <translation>Enne alustamist on sul vaja:</translation>
    </message>
    <message>
        <source>What happens next</source>
        <translation>Mis juhtub edasi</translation>
    </message>
    <message>
        <source>Step {number} of {total}</source>
        <translation>Samm {number}/{total}</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Alusta</translation>
    </message>
    <message>
        <source>Next tip</source>
        <translation>Järgmine vihje</translation>
    </message>
    <message>
        <source>This service is in {language}. The guide names its buttons in {language}.</source>
        <translation>See teenus on keeles {language}. Juhend nimetab selle nuppe keeles {language}.</translation>
    </message>
    <message>
        <source>Previous tip</source>
        <translation>Eelmine vihje</translation>
    </message>
    <message>
        <source>Done — back to services</source>
        <translation>Valmis – tagasi teenuste juurde</translation>
    </message>
    <message>
        <source>The button is further down the page: scroll the page down to find it.</source>
        <translation>Nupp on lehel allpool. Keri lehte alla, et see leida.</translation>
    </message>
    <message>
        <source>This guide is not available in your language. It is shown in {language}.</source>
        <translation>Seda juhendit ei ole sinu keeles. Juhendi keel on {language}.</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>soome</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>rootsi</translation>
    </message>
    <message>
        <source>English</source>
        <translation>inglise</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Jah</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Ei</translation>
    </message>
    <message>
        <source>Good. Go on with the page.</source>
        <translation>Hästi. Jätka lehel.</translation>
    </message>
    <message>
        <source>That is all right. A digital supporter can help you.</source>
        <translation>Pole hullu. Abiline saab sind aidata.</translation>
    </message>
    <message>
        <source>Call digital support</source>
        <translation>Küsi abi</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Please check the phone number: it has 5 to 15 digits.</source>
        <translation>Kontrolli telefoninumbrit: selles on 5 kuni 15 numbrit.</translation>
    </message>
    <message>
        <source>Call digital support</source>
        <translation>Küsi abi</translation>
    </message>
    <message>
        <source>What do you need help with?</source>
        <translation>Millega sa abi vajad?</translation>
    </message>
    <message>
        <source>Logging in</source>
        <translation>Sisselogimine</translation>
    </message>
    <message>
        <source>A form or application</source>
        <translation>Vorm või taotlus</translation>
    </message>
    <message>
        <source>Printing or scanning</source>
        <translation>Printimine või skannimine</translation>
    </message>
    <message>
        <source>The computer itself</source>
        <translation>Arvuti ise</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Midagi muud</translation>
    </message>
    <message>
        <source>Do you want us to call you? Write your phone number (you can leave it empty).</source>
        <translation>Kas tahad, et sulle helistatakse? Kirjuta oma telefoninumber (võid jätta tühjaks).</translation>
    </message>
    <message>
        <source>for example 040 123 4567</source>
        <translation>näiteks 040 123 4567</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Tagasi</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Saada</translation>
    </message>
    <message>
        <source>Help requests are not in use on this computer. Please ask the staff.</source>
        <translation>Selles arvutis ei saa abi palvet saata. Küsi töötajatelt.</translation>
    </message>
    <message>
        <source>The connection to the staff is down right now. Your request will reach them when the connection is back.</source>
        <translation>Ühendus töötajatega on praegu katkenud. Sinu palve jõuab nendeni, kui ühendus tagasi tuleb.</translation>
    </message>
    <message>
        <source>Phone: {number}</source>
        <translation>Telefon: {number}</translation>
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
        <translation>Abi on tulemas. Palun oota siin.</translation>
    </message>
    <message>
        <source>Your page is kept as it was. You can go back to it at any time.</source>
        <translation>Sinu leht jääb alles nagu oli. Võid selle juurde igal ajal tagasi minna.</translation>
    </message>
    <message>
        <source>Back to my page</source>
        <translation>Tagasi minu lehele</translation>
    </message>
    <message>
        <source>I don&apos;t need help any more</source>
        <translation>Ma ei vaja enam abi</translation>
    </message>
    <message>
        <source>Cancel the request? You will lose your place in line.</source>
        <translation>Kas tühistad palve? Sa kaotad oma koha järjekorras.</translation>
    </message>
    <message>
        <source>Yes, cancel</source>
        <translation>Jah, tühista</translation>
    </message>
    <message>
        <source>No, keep it</source>
        <translation>Ei, jäta alles</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>What do you want to do today?</source>
        <translation>Mida sa täna teha tahad?</translation>
    </message>
    <message>
        <source>Tap a tile. A guide beside the page shows you each step.</source>
        <translation>Vajuta ruudule. Lehe kõrval olev juhend näitab sulle iga sammu.</translation>
    </message>
    <message>
        <source>No guides are installed on this computer. Staff: run &apos;kiosk guides check&apos; to see why, then restart the kiosk.</source>
        <translation>Selles arvutis ei ole juhendeid. Töötajad: käivitage &apos;kiosk guides check&apos;, et näha põhjust, ja seejärel käivitage kiosk uuesti.</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <source>Time left: {time}</source>
        <translation>Aega jäänud: {time}</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>Kas sa oled veel siin?</translation>
    </message>
    <message>
        <source>When the time runs out, everything you did here is erased. Touch the screen to continue.</source>
        <translation>Kui aeg saab otsa, kustutatakse kõik, mida sa siin tegid. Jätkamiseks puuduta ekraani.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Jätka</translation>
    </message>
</context>
<context>
    <name>InfoPage</name>
    <message>
        <source>Call digital support</source>
        <translation>Küsi abi</translation>
    </message>
</context>
<context>
    <name>LanguageChooser</name>
    <message>
        <source>Choose your language</source>
        <translation>Vali keel</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Tagasi</translation>
    </message>
</context>
<context>
    <name>LeaveServiceConfirm</name>
    <message>
        <source>Leave this service?</source>
        <translation>Kas lahkud sellest teenusest?</translation>
    </message>
    <message>
        <source>The page closes, and what you have filled in on it is lost. You can open the service again from All services.</source>
        <translation>Leht suletakse ja see, mida sa täitsid, kaob. Teenuse saad uuesti avada kohast Kõik teenused.</translation>
    </message>
    <message>
        <source>No, stay here</source>
        <translation>Ei, jään siia</translation>
    </message>
    <message>
        <source>Yes, show all services</source>
        <translation>Jah, näita kõiki teenuseid</translation>
    </message>
</context>
<context>
    <name>NoticeCard</name>
    <message>
        <source>This file cannot be saved on this computer</source>
        <extracomment>What the visitor is told for each refused download (a test checks every one has one).</extracomment>
        <translation>Seda faili ei saa selles arvutis salvestada</translation>
    </message>
    <message>
        <source>It is a program. Programs cannot be started here, to keep this computer safe for everyone.</source>
        <translation>See on programm. Programme ei saa siin käivitada, et arvuti oleks kõigile turvaline.</translation>
    </message>
    <message>
        <source>It is a packed file (such as .zip). Packed files cannot be opened here. Ask the service for a PDF instead.</source>
        <translation>See on pakitud fail (näiteks .zip). Pakitud faile ei saa siin avada. Küsi teenuselt selle asemel PDF-faili.</translation>
    </message>
    <message>
        <source>This computer saves only documents and pictures, such as PDF files and photos.</source>
        <translation>Selles arvutis saab salvestada ainult dokumente ja pilte, näiteks PDF-faile ja fotosid.</translation>
    </message>
    <message>
        <source>The file is not what its name says. It was thrown away, to be safe.</source>
        <translation>Fail ei ole see, mida selle nimi ütleb. See kustutati igaks juhuks.</translation>
    </message>
    <message>
        <source>The file is too big for this computer.</source>
        <translation>Fail on selle arvuti jaoks liiga suur.</translation>
    </message>
    <message>
        <source>The page cannot be saved</source>
        <translation>Lehte ei saa salvestada</translation>
    </message>
    <message>
        <source>You can print the page instead: press Print.</source>
        <translation>Selle asemel saad lehe printida: vajuta Prindi.</translation>
    </message>
    <message>
        <source>The file is saved for this visit</source>
        <translation>Fail on selle külastuse ajaks salvestatud</translation>
    </message>
    <message>
        <source>It cannot be shown on this computer, but you can attach it to an application. It is deleted when you end the session.</source>
        <translation>Seda ei saa selles arvutis näidata, aga saad selle taotlusele lisada. See kustutatakse, kui sa lõpetad.</translation>
    </message>
    <message>
        <source>The file cannot be shown</source>
        <translation>Faili ei saa näidata</translation>
    </message>
    <message>
        <source>The file is damaged or in a form this computer cannot show.</source>
        <translation>Fail on katki või sellisel kujul, mida see arvuti näidata ei oska.</translation>
    </message>
    <message>
        <source>This page is not safe to open</source>
        <translation>Seda lehte ei ole turvaline avada</translation>
    </message>
    <message>
        <source>The page&apos;s safety certificate is not valid, so someone could read what you send. The kiosk did not open it. Try again later, or ask for help.</source>
        <translation>Lehe turvasertifikaat ei ole korras, nii et keegi võiks lugeda, mida sa saadad. Arvuti ei avanud lehte. Proovi hiljem uuesti või küsi abi.</translation>
    </message>
    <message>
        <source>Passkeys cannot be used here</source>
        <translation>Pääsuvõtmeid ei saa siin kasutada</translation>
    </message>
    <message>
        <source>This computer is shared, so passkeys and security keys are not used. Choose another way to log in, such as bank codes or a mobile certificate.</source>
        <translation>Seda arvutit kasutavad paljud inimesed, seega pääsuvõtmeid ja turvavõtmeid ei kasutata. Vali muu sisselogimise viis, näiteks pangakoodid või mobiilisertifikaat (mobiilivarmenne).</translation>
    </message>
    <message>
        <source>Folders cannot be chosen here</source>
        <translation>Kaustu ei saa siin valida</translation>
    </message>
    <message>
        <source>Choose one file at a time instead.</source>
        <translation>Vali selle asemel üks fail korraga.</translation>
    </message>
    <message>
        <source>Too many windows</source>
        <translation>Liiga palju aknaid</translation>
    </message>
    <message>
        <source>The page tried to open many new windows. Close the open window first.</source>
        <translation>Leht proovis avada palju uusi aknaid. Sulge kõigepealt avatud aken.</translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation>Fail: {name}</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Call digital support</source>
        <translation>Küsi abi</translation>
    </message>
</context>
<context>
    <name>OfflinePage</name>
    <message>
        <source>The page could not be opened</source>
        <translation>Lehte ei õnnestunud avada</translation>
    </message>
    <message>
        <source>There may be no internet connection right now, or the service is not answering. Wait a moment and press Try again.</source>
        <translation>Võib-olla ei ole praegu internetiühendust või teenus ei vasta. Oota veidi ja vajuta Proovi uuesti.</translation>
    </message>
    <message>
        <source>If this keeps happening, tell the staff.</source>
        <translation>Kui see kordub, ütle töötajatele.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Proovi uuesti</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Kõik teenused</translation>
    </message>
</context>
<context>
    <name>OutcomeQuestion</name>
    <message>
        <source>Did you get it done?</source>
        <translation>Kas said oma asja aetud?</translation>
    </message>
    <message>
        <source>One tap is enough. Your answer is only counted, together with everyone else&apos;s; nobody sees it was yours.</source>
        <translation>Piisab ühest puudutusest. Sinu vastust ainult loetakse koos kõigi teistega; keegi ei näe, et see oli sinu oma.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Jah</translation>
    </message>
    <message>
        <source>Partly</source>
        <translation>Osaliselt</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Ei</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Jäta vahele</translation>
    </message>
</context>
<context>
    <name>PageCrashedPage</name>
    <message>
        <source>This page stopped working</source>
        <translation>See leht lakkas töötamast</translation>
    </message>
    <message>
        <source>The page closed unexpectedly. Press Try again to open it again. If you were filling in a form, check what you typed.</source>
        <translation>Leht sulgus ootamatult. Vajuta Proovi uuesti, et see uuesti avada. Kui täitsid vormi, kontrolli, mida kirjutasid.</translation>
    </message>
    <message>
        <source>If this keeps happening, tell the staff.</source>
        <translation>Kui see kordub, ütle töötajatele.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Proovi uuesti</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Avaleht</translation>
    </message>
</context>
<context>
    <name>PopupHost</name>
    <message>
        <source>The page opened a new window. When you are done with it, close it.</source>
        <translation>Leht avas uue akna. Kui oled sellega valmis, sulge see.</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Sulge see aken</translation>
    </message>
</context>
<context>
    <name>PrintPageButton</name>
    <message>
        <source>Print</source>
        <translation>Prindi</translation>
    </message>
    <message>
        <source>Print this page</source>
        <translation>Prindi see leht</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Page {number} of {total}</source>
        <extracomment>The page is drawn as wide as this at least: a letter&apos;s 12-point text comes out at about 14 px, readable (the page scrolls for its lower part).</extracomment>
        <translation>Leht {number}/{total}</translation>
    </message>
    <message>
        <source>Pages: {pages}</source>
        <translation>Lehti: {pages}</translation>
    </message>
    <message>
        <source>Printing is not available on this computer.</source>
        <translation>Selles arvutis ei saa printida.</translation>
    </message>
    <message>
        <source>You have printed {limit} pages. That is the most one visit can print. Ask the staff if you need more.</source>
        <translation>Sa oled printinud {limit} lehte. Rohkem ei saa ühe külastuse ajal printida. Kui vajad rohkem, küsi töötajatelt.</translation>
    </message>
    <message>
        <source>This would be {sheets} pages. You can print {remaining} more pages.</source>
        <translation>Lehti oleks {sheets}. Saad printida veel ainult {remaining}.</translation>
    </message>
    <message>
        <source>This prints {sheets} pages. You can still print {remaining} pages on this visit.</source>
        <translation>Prinditakse {sheets} lehte. Selle külastuse ajal saad printida veel {remaining} lehte.</translation>
    </message>
    <message>
        <source>Printing. Fetch your papers from the printer.</source>
        <translation>Prinditakse. Võta paberid printerist.</translation>
    </message>
    <message>
        <source>The printer is not ready. Ask the staff for help.</source>
        <translation>Printer ei ole valmis. Küsi töötajatelt abi.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulge</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Tühista</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Prindi</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Eelmine leht</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Järgmine leht</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Koopiad</translation>
    </message>
    <message>
        <source>Fewer copies</source>
        <translation>Vähem koopiaid</translation>
    </message>
    <message>
        <source>More copies</source>
        <translation>Rohkem koopiaid</translation>
    </message>
</context>
<context>
    <name>ScreenShare</name>
    <message>
        <source>Paused: identification in progress. The guide is still visible.</source>
        <translation>Paus: tuvastamine käib. Juhend on endiselt näha.</translation>
    </message>
    <message>
        <source>Paused: the visitor is typing a password.</source>
        <translation>Paus: külastaja kirjutab parooli.</translation>
    </message>
</context>
<context>
    <name>ServiceView</name>
    <message>
        <source>Practice pages: not a real service</source>
        <translation>Harjutuslehed: see ei ole päris teenus</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Tagasi</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Kõik teenused</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Laadi uuesti</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Suurenda</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Vähenda</translation>
    </message>
    <message>
        <source>You are proving who you are. Going back now would break it. To stop, press Cancel on the page.</source>
        <translation>Sa tõendad praegu oma isikut. Tagasi-nupp katkestaks selle. Kui tahad lõpetada, vajuta lehel Keskeytä (või Cancel).</translation>
    </message>
</context>
<context>
    <name>ShareBanner</name>
    <message>
        <source>Someone</source>
        <translation>Keegi</translation>
    </message>
    <message>
        <source>{name} from digital support sees your screen. They cannot press anything.</source>
        <translation>{name} digitoest näeb sinu ekraani. Ta ei saa midagi vajutada.</translation>
    </message>
    <message>
        <source>The page is hidden from {name} while you type a password.</source>
        <translation>{name} ei näe lehte, kui sa kirjutad parooli.</translation>
    </message>
    <message>
        <source>The identification page is hidden from {name}.</source>
        <translation>{name} ei näe tuvastamise lehte.</translation>
    </message>
    <message>
        <source>Sharing stops in {minutes} min.</source>
        <translation>Jagamine lõpeb {minutes} minuti pärast.</translation>
    </message>
    <message>
        <source>Keep sharing</source>
        <translation>Jaga edasi</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>Lõpeta jagamine</translation>
    </message>
</context>
<context>
    <name>ShareConsent</name>
    <message>
        <source>Someone</source>
        <translation>Keegi</translation>
    </message>
    <message>
        <source>{name} from digital support would like to see your screen.</source>
        <translation>{name} digitoest soovib näha sinu ekraani.</translation>
    </message>
    <message>
        <source>They cannot press anything. Passwords and bank pages are never shown. You can stop sharing at any time.</source>
        <translation>Ta ei saa midagi vajutada. Paroole ja panga lehti ei näidata kunagi. Sa võid jagamise igal ajal lõpetada.</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Ei</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>Luba</translation>
    </message>
</context>
<context>
    <name>StaffNotice</name>
    <message>
        <source>Staff will end this session in {seconds} s.</source>
        <translation>Töötajad lõpetavad selle seansi {seconds} s pärast.</translation>
    </message>
    <message>
        <source>Staff will close this computer for maintenance in {seconds} s.</source>
        <translation>Töötajad sulgevad selle arvuti hoolduseks {seconds} s pärast.</translation>
    </message>
    <message>
        <source>Staff will restart this computer in {seconds} s.</source>
        <translation>Töötajad taaskäivitavad selle arvuti {seconds} s pärast.</translation>
    </message>
    <message>
        <source>Everything you did here will be erased. Write down what you need now, or ask staff.</source>
        <translation>Kõik, mida siin tegid, kustutatakse. Kirjuta vajalik kohe üles või küsi töötajatelt.</translation>
    </message>
</context>
<context>
    <name>StatusBanner</name>
    <message>
        <source>Your request is saved. It will reach the staff when the connection is back.</source>
        <translation>Sinu palve on salvestatud. See jõuab töötajateni, kui ühendus tagasi tuleb.</translation>
    </message>
    <message>
        <source>Sending your request…</source>
        <translation>Sinu palvet saadetakse…</translation>
    </message>
    <message>
        <source>Your request is in line. You are next.</source>
        <translation>Sinu palve on järjekorras. Sina oled järgmine.</translation>
    </message>
    <message>
        <source>Your request is in line. You are number {position}.</source>
        <translation>Sinu palve on järjekorras. Sinu koht järjekorras: {position}.</translation>
    </message>
    <message>
        <source>Your request is in line.</source>
        <translation>Sinu palve on järjekorras.</translation>
    </message>
    <message>
        <source>A digital supporter has seen your request.</source>
        <translation>Abiline on sinu palvet näinud.</translation>
    </message>
    <message>
        <source>Someone is coming to help you in about {minutes} minutes.</source>
        <translation>Keegi tuleb sind aitama umbes {minutes} minuti pärast.</translation>
    </message>
    <message>
        <source>Someone is coming to help you.</source>
        <translation>Keegi tuleb sind aitama.</translation>
    </message>
    <message>
        <source>A digital supporter will call you.</source>
        <translation>Abiline helistab sulle.</translation>
    </message>
    <message>
        <source>Done. Thank you!</source>
        <translation>Valmis. Aitäh!</translation>
    </message>
    <message>
        <source>Your request was cancelled.</source>
        <translation>Sinu palve tühistati.</translation>
    </message>
    <message>
        <source>Your number is {code}.</source>
        <translation>Sinu number on {code}.</translation>
    </message>
    <message>
        <source>Helper: {name}</source>
        <translation>Abiline: {name}</translation>
    </message>
    <message>
        <source>Message from the staff: {message}</source>
        <translation>Sõnum töötajatelt: {message}</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>Tühista palve</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel the request? You will lose your place in line.</source>
        <translation>Kas tühistad palve? Sa kaotad oma koha järjekorras.</translation>
    </message>
    <message>
        <source>Yes, cancel</source>
        <translation>Jah, tühista</translation>
    </message>
    <message>
        <source>No, keep it</source>
        <translation>Ei, jäta alles</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Smaller text</source>
        <translation>Väiksem tekst</translation>
    </message>
    <message>
        <source>Bigger text</source>
        <translation>Suurem tekst</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>Kontrast</translation>
    </message>
    <message>
        <source>Strong colours on or off</source>
        <translation>Tugevad värvid sisse või välja</translation>
    </message>
    <message>
        <source>Call digital support</source>
        <translation>Küsi abi</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>Lõpeta</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Veel keeli</translation>
    </message>
</context>
<context>
    <name>WebDialog</name>
    <message>
        <source>The page says</source>
        <translation>Leht ütleb</translation>
    </message>
    <message>
        <source>The page asks</source>
        <translation>Leht küsib</translation>
    </message>
    <message>
        <source>The page asks you to write</source>
        <translation>Leht palub sul kirjutada</translation>
    </message>
    <message>
        <source>Leave this page?</source>
        <translation>Kas lahkud lehelt?</translation>
    </message>
    <message>
        <source>The page asks for a user name and password</source>
        <translation>Leht küsib kasutajanime ja parooli</translation>
    </message>
    <message>
        <source>Page: {address}</source>
        <translation>Leht: {address}</translation>
    </message>
    <message>
        <source>If you leave, what you wrote on this page may be lost.</source>
        <translation>Kui lahkud, võib see, mida sa sellele lehele kirjutasid, kaduma minna.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Kasutajanimi</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Parool</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Lahku</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Logi sisse</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Jää lehele</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Tühista</translation>
    </message>
</context>
</TS>
