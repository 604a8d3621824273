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
        <extracomment>Zoom of pictures and text, the first step fitting the picture in view. PDF zoom: the whole page, the page&apos;s width, then these factors of its real size. Pictures bigger than this are scaled down when read (old PCs have little memory).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
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
        <source>Next</source>
        <translation>Nästa</translation>
    </message>
    <message>
        <source>This guide is not available in your language. It is shown in {language}.</source>
        <translation>Guiden finns inte på ditt språk. Den visas på {language}.</translation>
    </message>
    <message>
        <source>This service itself is not available in your language.</source>
        <translation>Själva tjänsten finns inte på ditt språk.</translation>
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
        <source>Previous</source>
        <translation>Föregående</translation>
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
        <source>Home</source>
        <translation>Startsidan</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Pages: {pages}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing is not available on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have printed {limit} pages. That is the most one visit can print. Ask the staff if you need more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This would be {sheets} pages. You can print {remaining} more pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This prints {sheets} pages. You can print {remaining} more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing. Fetch your papers from the printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer is not ready. Ask the staff for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fewer copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More copies</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceView</name>
    <message>
        <source>Back</source>
        <translation>Tillbaka</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Startsidan</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Ladda om</translation>
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
        <extracomment>Each language&apos;s name in that language: a visitor looks for their own language&apos;s name.</extracomment>
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
</context>
</TS>
