<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv">
<context>
    <name>BlockedPage</name>
    <message>
        <source>This page is not available on this computer</source>
        <translation>Den här sidan kan inte öppnas på den här datorn</translation>
    </message>
    <message>
        <source>This computer opens only the pages that this errand needs. Go back to where you were. If you need this page, ask for help.</source>
        <translation>Den här datorn öppnar bara de sidor som ärendet behöver. Gå tillbaka. Om du behöver sidan, be om hjälp.</translation>
    </message>
    <message>
        <source>Address: {address}</source>
        <translation>Adress: {address}</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Gå tillbaka</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>Page {number} of {total}</source>
        <translation>Sida {number} av {total}</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Föregående sida</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Nästa sida</translation>
    </message>
    <message>
        <source>Bigger</source>
        <translation>Större</translation>
    </message>
    <message>
        <source>Smaller</source>
        <translation>Mindre</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Skriv ut</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
</context>
<context>
    <name>EndConfirm</name>
    <message>
        <source>End your session?</source>
        <translation>Vill du sluta?</translation>
    </message>
    <message>
        <source>Everything you did on this computer will be erased: the pages you opened, what you typed and your files.</source>
        <translation>Allt du har gjort på den här datorn raderas: sidorna du öppnade, det du skrev och dina filer.</translation>
    </message>
    <message>
        <source>Yes, end and erase</source>
        <translation>Ja, sluta och radera</translation>
    </message>
    <message>
        <source>No, go back</source>
        <translation>Nej, gå tillbaka</translation>
    </message>
</context>
<context>
    <name>ExternalLinkCard</name>
    <message>
        <source>E-mail address</source>
        <translation>E-postadress</translation>
    </message>
    <message>
        <source>This computer cannot send e-mail. Write to this address with your phone.</source>
        <translation>Den här datorn kan inte skicka e-post. Skriv till adressen med din telefon.</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>Textmeddelande</translation>
    </message>
    <message>
        <source>This computer cannot send text messages. Send it with your phone.</source>
        <translation>Den här datorn kan inte skicka sms. Skicka det med din telefon.</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <source>This computer cannot call. Call with your phone.</source>
        <translation>Den här datorn kan inte ringa. Ring med din telefon.</translation>
    </message>
    <message>
        <source>Or point your phone&apos;s camera at the square. It opens the address.</source>
        <translation>Eller rikta telefonens kamera mot rutan. Telefonen öppnar adressen.</translation>
    </message>
    <message>
        <source>Or point your phone&apos;s camera at the square. It opens the number.</source>
        <translation>Eller rikta telefonens kamera mot rutan. Telefonen öppnar numret.</translation>
    </message>
    <message>
        <source>Back to the page</source>
        <translation>Tillbaka till sidan</translation>
    </message>
</context>
<context>
    <name>FileChooser</name>
    <message>
        <source>From a USB stick</source>
        <translation>Från ett USB-minne</translation>
    </message>
    <message>
        <source>Downloaded now</source>
        <translation>Nedladdad nu</translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation>Vald</translation>
    </message>
    <message>
        <source>Choose a file to attach</source>
        <translation>Välj en fil att bifoga</translation>
    </message>
    <message>
        <source>Here are the files you downloaded during this visit. Tap a file, then press Attach.</source>
        <translation>Här är filerna som du laddade ner under det här besöket. Tryck på en fil och sedan på Bifoga.</translation>
    </message>
    <message>
        <source>Here are the files you downloaded during this visit, and the files on your USB stick. Tap a file, then press Attach.</source>
        <translation>Här är filerna som du laddade ner under det här besöket och filerna på ditt USB-minne. Tryck på en fil och sedan på Bifoga.</translation>
    </message>
    <message>
        <source>There are no files here yet. First download the file on this computer, or ask the staff to scan your paper.</source>
        <translation>Här finns inga filer ännu. Ladda först ner filen på den här datorn, eller be personalen skanna ditt papper.</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Bifoga</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>GuidePanel</name>
    <message>
        <source>Stop reading</source>
        <translation>Sluta läsa</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Läs högt</translation>
    </message>
    <message>
        <source>Before you start, you need:</source>
        <translation>Innan du börjar behöver du:</translation>
    </message>
    <message>
        <source>What happens next</source>
        <translation>Vad händer sedan</translation>
    </message>
    <message>
        <source>Step {number} of {total}</source>
        <translation>Steg {number} av {total}</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Börja</translation>
    </message>
    <message>
        <source>Next tip</source>
        <translation>Nästa tips</translation>
    </message>
    <message>
        <source>This service is in {language}. The guide names its buttons in {language}.</source>
        <translation>Tjänsten är på {language}. Guiden nämner dess knappar på {language}.</translation>
    </message>
    <message>
        <source>Previous tip</source>
        <translation>Föregående tips</translation>
    </message>
    <message>
        <source>Done — back to services</source>
        <translation>Klart – tillbaka till tjänsterna</translation>
    </message>
    <message>
        <source>The button is further down the page: scroll the page down to find it.</source>
        <translation>Knappen finns längre ner på sidan. Rulla ner på sidan för att hitta den.</translation>
    </message>
    <message>
        <source>This guide is not available in your language. It is shown in {language}.</source>
        <translation>Guiden finns inte på ditt språk. Den visas på {language}.</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>finska</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>svenska</translation>
    </message>
    <message>
        <source>English</source>
        <translation>engelska</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Good. Go on with the page.</source>
        <translation>Bra. Fortsätt på sidan.</translation>
    </message>
    <message>
        <source>That is all right. A digital supporter can help you.</source>
        <translation>Det gör inget. En digitalstödjare kan hjälpa dig.</translation>
    </message>
    <message>
        <source>Call digital support</source>
        <translation>Be om hjälp</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Please check the phone number: it has 5 to 15 digits.</source>
        <translation>Kontrollera telefonnumret: det har 5 till 15 siffror.</translation>
    </message>
    <message>
        <source>Call digital support</source>
        <translation>Be om hjälp</translation>
    </message>
    <message>
        <source>What do you need help with?</source>
        <translation>Vad behöver du hjälp med?</translation>
    </message>
    <message>
        <source>Logging in</source>
        <translation>Inloggning</translation>
    </message>
    <message>
        <source>A form or application</source>
        <translation>En blankett eller ansökan</translation>
    </message>
    <message>
        <source>Printing or scanning</source>
        <translation>Utskrift eller skanning</translation>
    </message>
    <message>
        <source>The computer itself</source>
        <translation>Själva datorn</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Något annat</translation>
    </message>
    <message>
        <source>Do you want us to call you? Write your phone number (you can leave it empty).</source>
        <translation>Vill du att vi ringer dig? Skriv ditt telefonnummer (du kan lämna det tomt).</translation>
    </message>
    <message>
        <source>for example 040 123 4567</source>
        <translation>till exempel 040 123 4567</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Tillbaka</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Skicka</translation>
    </message>
    <message>
        <source>Help requests are not in use on this computer. Please ask the staff.</source>
        <translation>Hjälpförfrågningar används inte på den här datorn. Fråga personalen.</translation>
    </message>
    <message>
        <source>The connection to the staff is down right now. Your request will reach them when the connection is back.</source>
        <translation>Förbindelsen till personalen är bruten just nu. Din förfrågan kommer fram när förbindelsen är tillbaka.</translation>
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
        <translation>Hjälp är på väg. Vänta här.</translation>
    </message>
    <message>
        <source>Your page is kept as it was. You can go back to it at any time.</source>
        <translation>Din sida finns kvar som den var. Du kan gå tillbaka till den när som helst.</translation>
    </message>
    <message>
        <source>Back to my page</source>
        <translation>Tillbaka till min sida</translation>
    </message>
    <message>
        <source>I don&apos;t need help any more</source>
        <translation>Jag behöver inte hjälp längre</translation>
    </message>
    <message>
        <source>Cancel the request? You will lose your place in line.</source>
        <translation>Avbryta förfrågan? Du förlorar din plats i kön.</translation>
    </message>
    <message>
        <source>Yes, cancel</source>
        <translation>Ja, avbryt</translation>
    </message>
    <message>
        <source>No, keep it</source>
        <translation>Nej, behåll den</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>What do you want to do today?</source>
        <translation>Vad vill du göra i dag?</translation>
    </message>
    <message>
        <source>Tap a tile. A guide beside the page shows you each step.</source>
        <translation>Tryck på en ruta. Guiden bredvid sidan visar dig varje steg.</translation>
    </message>
    <message>
        <source>No guides are installed on this computer. Staff: run &apos;kiosk guides check&apos; to see why, then restart the kiosk.</source>
        <translation>Det finns inga guider på den här datorn. Personal: se orsaken med &apos;kiosk guides check&apos; och starta sedan om kiosken.</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <source>Time left: {time}</source>
        <translation>Tid kvar: {time}</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>Är du kvar?</translation>
    </message>
    <message>
        <source>When the time runs out, everything you did here is erased. Touch the screen to continue.</source>
        <translation>När tiden tar slut raderas allt du har gjort. Tryck på skärmen för att fortsätta.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsätt</translation>
    </message>
</context>
<context>
    <name>InfoPage</name>
    <message>
        <source>Call digital support</source>
        <translation>Be om hjälp</translation>
    </message>
</context>
<context>
    <name>LanguageChooser</name>
    <message>
        <source>Choose your language</source>
        <translation>Välj språk</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Tillbaka</translation>
    </message>
</context>
<context>
    <name>LeaveServiceConfirm</name>
    <message>
        <source>Leave this service?</source>
        <translation>Lämna den här tjänsten?</translation>
    </message>
    <message>
        <source>The page closes, and what you have filled in on it is lost. You can open the service again from All services.</source>
        <translation>Sidan stängs, och det du har fyllt i försvinner. Du kan öppna tjänsten igen under Alla tjänster.</translation>
    </message>
    <message>
        <source>No, stay here</source>
        <translation>Nej, stanna här</translation>
    </message>
    <message>
        <source>Yes, show all services</source>
        <translation>Ja, visa alla tjänster</translation>
    </message>
</context>
<context>
    <name>NoticeCard</name>
    <message>
        <source>This file cannot be saved on this computer</source>
        <extracomment>What the visitor is told for each refused download (a test checks every one has one).</extracomment>
        <translation>Den här filen kan inte sparas på den här datorn</translation>
    </message>
    <message>
        <source>It is a program. Programs cannot be started here, to keep this computer safe for everyone.</source>
        <translation>Det är ett program. Program kan inte startas här, så att datorn förblir säker för alla.</translation>
    </message>
    <message>
        <source>It is a packed file (such as .zip). Packed files cannot be opened here. Ask the service for a PDF instead.</source>
        <translation>Det är en packad fil (till exempel .zip). Packade filer kan inte öppnas här. Be tjänsten om en PDF-fil i stället.</translation>
    </message>
    <message>
        <source>This computer saves only documents and pictures, such as PDF files and photos.</source>
        <translation>Den här datorn sparar bara dokument och bilder, till exempel PDF-filer och foton.</translation>
    </message>
    <message>
        <source>The file is not what its name says. It was thrown away, to be safe.</source>
        <translation>Filen är inte det som namnet säger. Den togs bort för säkerhets skull.</translation>
    </message>
    <message>
        <source>The file is too big for this computer.</source>
        <translation>Filen är för stor för den här datorn.</translation>
    </message>
    <message>
        <source>The page cannot be saved</source>
        <translation>Sidan kan inte sparas</translation>
    </message>
    <message>
        <source>You can print the page instead: press Print.</source>
        <translation>Du kan skriva ut sidan i stället: tryck på Skriv ut.</translation>
    </message>
    <message>
        <source>The file is saved for this visit</source>
        <translation>Filen är sparad under det här besöket</translation>
    </message>
    <message>
        <source>It cannot be shown on this computer, but you can attach it to an application. It is deleted when you end the session.</source>
        <translation>Den kan inte visas på den här datorn, men du kan bifoga den till en ansökan. Den raderas när du avslutar sessionen.</translation>
    </message>
    <message>
        <source>The file cannot be shown</source>
        <translation>Filen kan inte visas</translation>
    </message>
    <message>
        <source>The file is damaged or in a form this computer cannot show.</source>
        <translation>Filen är skadad eller i en form som den här datorn inte kan visa.</translation>
    </message>
    <message>
        <source>This page is not safe to open</source>
        <translation>Den här sidan är inte säker att öppna</translation>
    </message>
    <message>
        <source>The page&apos;s safety certificate is not valid, so someone could read what you send. The kiosk did not open it. Try again later, or ask for help.</source>
        <translation>Sidans säkerhetscertifikat är inte giltigt, så någon kunde läsa det du skickar. Datorn öppnade inte sidan. Försök igen senare eller be om hjälp.</translation>
    </message>
    <message>
        <source>Passkeys cannot be used here</source>
        <translation>Nycklar (passkeys) kan inte användas här</translation>
    </message>
    <message>
        <source>This computer is shared, so passkeys and security keys are not used. Choose another way to log in, such as bank codes or a mobile certificate.</source>
        <translation>Den här datorn används av många, så nycklar och säkerhetsnycklar används inte. Välj ett annat sätt att logga in, till exempel bankkoder eller mobilcertifikat.</translation>
    </message>
    <message>
        <source>Folders cannot be chosen here</source>
        <translation>Mappar kan inte väljas här</translation>
    </message>
    <message>
        <source>Choose one file at a time instead.</source>
        <translation>Välj en fil i taget i stället.</translation>
    </message>
    <message>
        <source>Too many windows</source>
        <translation>För många fönster</translation>
    </message>
    <message>
        <source>The page tried to open many new windows. Close the open window first.</source>
        <translation>Sidan försökte öppna många nya fönster. Stäng först det öppna fönstret.</translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation>Fil: {name}</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Call digital support</source>
        <translation>Kalla på digitalt stöd</translation>
    </message>
</context>
<context>
    <name>OfflinePage</name>
    <message>
        <source>The page could not be opened</source>
        <translation>Sidan kunde inte öppnas</translation>
    </message>
    <message>
        <source>There may be no internet connection right now, or the service is not answering. Wait a moment and press Try again.</source>
        <translation>Internet fungerar kanske inte just nu, eller så svarar tjänsten inte. Vänta en stund och tryck på Försök igen.</translation>
    </message>
    <message>
        <source>If this keeps happening, tell the staff.</source>
        <translation>Om det händer igen, säg till personalen.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alla tjänster</translation>
    </message>
</context>
<context>
    <name>OutcomeQuestion</name>
    <message>
        <source>Did you get it done?</source>
        <translation>Fick du ärendet gjort?</translation>
    </message>
    <message>
        <source>One tap is enough. Your answer is only counted, together with everyone else&apos;s; nobody sees it was yours.</source>
        <translation>Ett tryck räcker. Ditt svar räknas bara ihop med alla andras; ingen ser att det var ditt.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Partly</source>
        <translation>Delvis</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Hoppa över</translation>
    </message>
</context>
<context>
    <name>PageCrashedPage</name>
    <message>
        <source>This page stopped working</source>
        <translation>Den här sidan slutade fungera</translation>
    </message>
    <message>
        <source>The page closed unexpectedly. Press Try again to open it again. If you were filling in a form, check what you typed.</source>
        <translation>Sidan stängdes oväntat. Tryck på Försök igen för att öppna den igen. Om du fyllde i ett formulär, kontrollera det du skrev.</translation>
    </message>
    <message>
        <source>If this keeps happening, tell the staff.</source>
        <translation>Om det händer igen, säg till personalen.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Startsidan</translation>
    </message>
</context>
<context>
    <name>PopupHost</name>
    <message>
        <source>The page opened a new window. When you are done with it, close it.</source>
        <translation>Sidan öppnade ett nytt fönster. Stäng det när du är klar.</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Stäng det här fönstret</translation>
    </message>
</context>
<context>
    <name>PrintPageButton</name>
    <message>
        <source>Print</source>
        <translation>Skriv ut</translation>
    </message>
    <message>
        <source>Print this page</source>
        <translation>Skriv ut den här sidan</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Page {number} of {total}</source>
        <extracomment>The page is drawn as wide as this at least: a letter&apos;s 12-point text comes out at about 14 px, readable (the page scrolls for its lower part).</extracomment>
        <translation>Sida {number} av {total}</translation>
    </message>
    <message>
        <source>Pages: {pages}</source>
        <translation>Sidor: {pages}</translation>
    </message>
    <message>
        <source>Printing is not available on this computer.</source>
        <translation>Det går inte att skriva ut på den här datorn.</translation>
    </message>
    <message>
        <source>You have printed {limit} pages. That is the most one visit can print. Ask the staff if you need more.</source>
        <translation>Du har skrivit ut {limit} sidor. Mer kan inte skrivas ut under ett besök. Fråga personalen om du behöver mer.</translation>
    </message>
    <message>
        <source>This would be {sheets} pages. You can print {remaining} more pages.</source>
        <translation>Det här skulle bli {sheets} sidor. Du kan skriva ut {remaining} sidor till.</translation>
    </message>
    <message>
        <source>This prints {sheets} pages. You can still print {remaining} pages on this visit.</source>
        <translation>Det här skriver ut {sheets} sidor. Du kan skriva ut {remaining} sidor till under det här besöket.</translation>
    </message>
    <message>
        <source>Printing. Fetch your papers from the printer.</source>
        <translation>Utskriften pågår. Hämta dina papper vid skrivaren.</translation>
    </message>
    <message>
        <source>The printer is not ready. Ask the staff for help.</source>
        <translation>Skrivaren är inte klar. Be personalen om hjälp.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Skriv ut</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Föregående sida</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Nästa sida</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Kopior</translation>
    </message>
    <message>
        <source>Fewer copies</source>
        <translation>Färre kopior</translation>
    </message>
    <message>
        <source>More copies</source>
        <translation>Fler kopior</translation>
    </message>
</context>
<context>
    <name>ScreenShare</name>
    <message>
        <source>Paused: identification in progress. The guide is still visible.</source>
        <translation>Paus: identifiering pågår. Guiden syns fortfarande.</translation>
    </message>
    <message>
        <source>Paused: the visitor is typing a password.</source>
        <translation>Paus: besökaren skriver ett lösenord.</translation>
    </message>
</context>
<context>
    <name>ServiceView</name>
    <message>
        <source>Practice pages: not a real service</source>
        <translation>Övningssidor: inte en riktig tjänst</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Tillbaka</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alla tjänster</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Förstora</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Förminska</translation>
    </message>
    <message>
        <source>You are proving who you are. Going back now would break it. To stop, press Cancel on the page.</source>
        <translation>Du håller på att identifiera dig. Tillbaka skulle avbryta det. Om du vill sluta, tryck på Avbryt på sidan.</translation>
    </message>
</context>
<context>
    <name>ShareBanner</name>
    <message>
        <source>Someone</source>
        <translation>Någon</translation>
    </message>
    <message>
        <source>{name} from digital support sees your screen. They cannot press anything.</source>
        <translation>{name} från det digitala stödet ser din skärm. Hen kan inte trycka på något.</translation>
    </message>
    <message>
        <source>The page is hidden from {name} while you type a password.</source>
        <translation>{name} ser inte sidan medan du skriver ett lösenord.</translation>
    </message>
    <message>
        <source>The identification page is hidden from {name}.</source>
        <translation>{name} ser inte identifieringssidan.</translation>
    </message>
    <message>
        <source>Sharing stops in {minutes} min.</source>
        <translation>Delningen slutar om {minutes} min.</translation>
    </message>
    <message>
        <source>Keep sharing</source>
        <translation>Fortsätt dela</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>Sluta dela</translation>
    </message>
</context>
<context>
    <name>ShareConsent</name>
    <message>
        <source>Someone</source>
        <translation>Någon</translation>
    </message>
    <message>
        <source>{name} from digital support would like to see your screen.</source>
        <translation>{name} från det digitala stödet vill se din skärm.</translation>
    </message>
    <message>
        <source>They cannot press anything. Passwords and bank pages are never shown. You can stop sharing at any time.</source>
        <translation>Hen kan inte trycka på något. Lösenord och bankens sidor visas aldrig. Du kan sluta dela när du vill.</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>Tillåt</translation>
    </message>
</context>
<context>
    <name>StaffNotice</name>
    <message>
        <source>Staff will end this session in {seconds} s.</source>
        <translation>Personalen avslutar den här sessionen om {seconds} s.</translation>
    </message>
    <message>
        <source>Staff will close this computer for maintenance in {seconds} s.</source>
        <translation>Personalen stänger den här datorn för underhåll om {seconds} s.</translation>
    </message>
    <message>
        <source>Staff will restart this computer in {seconds} s.</source>
        <translation>Personalen startar om den här datorn om {seconds} s.</translation>
    </message>
    <message>
        <source>Everything you did here will be erased. Write down what you need now, or ask staff.</source>
        <translation>Allt du har gjort här raderas. Skriv upp det du behöver nu, eller fråga personalen.</translation>
    </message>
</context>
<context>
    <name>StatusBanner</name>
    <message>
        <source>Your request is saved. It will reach the staff when the connection is back.</source>
        <translation>Din förfrågan är sparad. Den når personalen när förbindelsen är tillbaka.</translation>
    </message>
    <message>
        <source>Sending your request…</source>
        <translation>Din förfrågan skickas…</translation>
    </message>
    <message>
        <source>Your request is in line. You are next.</source>
        <translation>Din förfrågan är i kön. Du är näst på tur.</translation>
    </message>
    <message>
        <source>Your request is in line. You are number {position}.</source>
        <translation>Din förfrågan är i kön. Du är nummer {position}.</translation>
    </message>
    <message>
        <source>Your request is in line.</source>
        <translation>Din förfrågan är i kön.</translation>
    </message>
    <message>
        <source>A digital supporter has seen your request.</source>
        <translation>En digistödjare har sett din förfrågan.</translation>
    </message>
    <message>
        <source>Someone is coming to help you in about {minutes} minutes.</source>
        <translation>Någon kommer och hjälper dig om ungefär {minutes} minuter.</translation>
    </message>
    <message>
        <source>Someone is coming to help you.</source>
        <translation>Någon kommer och hjälper dig.</translation>
    </message>
    <message>
        <source>A digital supporter will call you.</source>
        <translation>En digistödjare ringer dig.</translation>
    </message>
    <message>
        <source>Done. Thank you!</source>
        <translation>Klart. Tack!</translation>
    </message>
    <message>
        <source>Your request was cancelled.</source>
        <translation>Din förfrågan avbröts.</translation>
    </message>
    <message>
        <source>Your number is {code}.</source>
        <translation>Ditt nummer är {code}.</translation>
    </message>
    <message>
        <source>Helper: {name}</source>
        <translation>Hjälpare: {name}</translation>
    </message>
    <message>
        <source>Message from the staff: {message}</source>
        <translation>Meddelande från personalen: {message}</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>Avbryt förfrågan</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel the request? You will lose your place in line.</source>
        <translation>Avbryta förfrågan? Du förlorar din plats i kön.</translation>
    </message>
    <message>
        <source>Yes, cancel</source>
        <translation>Ja, avbryt</translation>
    </message>
    <message>
        <source>No, keep it</source>
        <translation>Nej, behåll den</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Smaller text</source>
        <translation>Mindre text</translation>
    </message>
    <message>
        <source>Bigger text</source>
        <translation>Större text</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>Kontrast</translation>
    </message>
    <message>
        <source>Strong colours on or off</source>
        <translation>Starka färger på eller av</translation>
    </message>
    <message>
        <source>Call digital support</source>
        <translation>Be om hjälp</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>Avsluta</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Fler språk</translation>
    </message>
</context>
<context>
    <name>WebDialog</name>
    <message>
        <source>The page says</source>
        <translation>Sidan säger</translation>
    </message>
    <message>
        <source>The page asks</source>
        <translation>Sidan frågar</translation>
    </message>
    <message>
        <source>The page asks you to write</source>
        <translation>Sidan ber dig skriva</translation>
    </message>
    <message>
        <source>Leave this page?</source>
        <translation>Lämna sidan?</translation>
    </message>
    <message>
        <source>The page asks for a user name and password</source>
        <translation>Sidan frågar efter användarnamn och lösenord</translation>
    </message>
    <message>
        <source>Page: {address}</source>
        <translation>Sida: {address}</translation>
    </message>
    <message>
        <source>If you leave, what you wrote on this page may be lost.</source>
        <translation>Om du lämnar sidan kan det du skrev försvinna.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Lämna</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Logga in</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Stanna</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
</TS>
