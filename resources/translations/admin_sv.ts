<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv">
<context>
    <name>ActionsPage</name>
    <message>
        <source>Erase the session now</source>
        <translation>Radera sessionen nu</translation>
    </message>
    <message>
        <source>Everything on the screen is erased, as when a visitor leaves.</source>
        <translation>Allt på skärmen raderas, som när en besökare går.</translation>
    </message>
    <message>
        <source>Restart the kiosk</source>
        <translation>Starta om kiosken</translation>
    </message>
    <message>
        <source>The kiosk program starts again (the computer does not restart).</source>
        <translation>Kioskprogrammet startar om (datorn startar inte om).</translation>
    </message>
    <message>
        <source>Print a test page</source>
        <translation>Skriv ut en testsida</translation>
    </message>
    <message>
        <source>One page to the kiosk&apos;s printer.</source>
        <translation>En sida till kioskens skrivare.</translation>
    </message>
    <message>
        <source>Leave the kiosk for maintenance</source>
        <translation>Lämna kiosken för underhåll</translation>
    </message>
    <message>
        <source>The kiosk closes until the computer restarts. Asks for the code again.</source>
        <translation>Kiosken stängs tills datorn startas om. Koden frågas igen.</translation>
    </message>
</context>
<context>
    <name>AdminMode</name>
    <message>
        <source>Nothing was saved. Correct the marked settings.</source>
        <translation>Ingenting sparades. Rätta de markerade inställningarna.</translation>
    </message>
    <message>
        <source>Nothing to save: no setting was changed.</source>
        <translation>Inget att spara: ingen inställning ändrades.</translation>
    </message>
    <message>
        <source>Saved. The kiosk restarts with the new tiles when you lock.</source>
        <translation>Sparat. Kiosken startar om med de nya rutorna när du låser.</translation>
    </message>
    <message>
        <source>Saved. The new settings are in use now.</source>
        <translation>Sparat. De nya inställningarna används nu.</translation>
    </message>
    <message>
        <source>The test page went to the printer.</source>
        <translation>Testsidan skickades till skrivaren.</translation>
    </message>
    <message>
        <source>No printer was found. Check that it is on and connected, and its name in Settings.</source>
        <translation>Ingen skrivare hittades. Kontrollera att den är på och ansluten, och dess namn under Inställningar.</translation>
    </message>
    <message>
        <source>The printer did not take the test page.</source>
        <translation>Skrivaren tog inte emot testsidan.</translation>
    </message>
</context>
<context>
    <name>AdminPanel</name>
    <message>
        <source>Admin mode</source>
        <translation>Administratörsläge</translation>
    </message>
    <message>
        <source>Locking ends admin mode and erases this session, as when a visitor leaves. It locks by itself after 2 minutes without a touch.</source>
        <translation>Låsningen avslutar administratörsläget och raderar den här sessionen, som när en besökare går. Läget låser sig självt efter 2 minuter utan beröring.</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lås</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Hälsa</translation>
    </message>
    <message>
        <source>Guides</source>
        <translation>Guider</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Åtgärder</translation>
    </message>
</context>
<context>
    <name>CodePad</name>
    <message>
        <source>Checking…</source>
        <translation>Kontrollerar…</translation>
    </message>
    <message>
        <source>The lock has ended. Type the code.</source>
        <translation>Låsningen har upphört. Skriv koden.</translation>
    </message>
    <message>
        <source>Locked after 5 wrong codes. Try again in {minutes} min. The staff page shows the code for this kiosk.</source>
        <translation>Låst efter 5 felaktiga koder. Försök igen om {minutes} min. Personalsidan visar koden för den här kiosken.</translation>
    </message>
    <message>
        <source>Wrong code. Wait {seconds} s and try again.</source>
        <translation>Fel kod. Vänta {seconds} s och försök igen.</translation>
    </message>
    <message>
        <source>Wrong code. Try again.</source>
        <translation>Fel kod. Försök igen.</translation>
    </message>
    <message>
        <source>No admin PIN and no one-time code is set on this computer, so admin mode cannot be opened. Set a PIN with: kiosk admin set-pin</source>
        <translation>Ingen administratörs-PIN och ingen engångskod är inställd på den här datorn, så administratörsläget kan inte öppnas. Ställ in en PIN med: kiosk admin set-pin</translation>
    </message>
    <message>
        <source>The admin PIN is damaged. Set it again with: kiosk admin set-pin</source>
        <translation>Administratörs-PIN:en är skadad. Ställ in den igen med: kiosk admin set-pin</translation>
    </message>
    <message>
        <source>The code cannot be checked now: the admin verifier service does not answer. Restart the computer, or run kiosk doctor.</source>
        <translation>Koden kan inte kontrolleras nu: administratörens kontrolltjänst svarar inte. Starta om datorn eller kör kiosk doctor.</translation>
    </message>
    <message>
        <source>Leave the kiosk for maintenance</source>
        <translation>Lämna kiosken för underhåll</translation>
    </message>
    <message>
        <source>The kiosk closes until the computer restarts. Type the code again to confirm.</source>
        <translation>Kiosken stängs tills datorn startas om. Skriv koden igen för att bekräfta.</translation>
    </message>
    <message>
        <source>Staff only</source>
        <translation>Endast för personalen</translation>
    </message>
    <message>
        <source>Type the 6-digit code from the staff page, or the admin PIN.</source>
        <translation>Skriv den 6-siffriga koden från personalsidan, eller administratörs-PIN:en.</translation>
    </message>
    <message>
        <source>Not protected: development checkout. On an installed kiosk the PIN is kept where the kiosk cannot read it.</source>
        <translation>Inte skyddad: utvecklingsversion. I en installerad kiosk förvaras PIN:en där kiosken inte kan läsa den.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Radera</translation>
    </message>
    <message>
        <source>Erase the last digit</source>
        <translation>Radera den sista siffran</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Admin code</source>
        <translation>Administratörskod</translation>
    </message>
</context>
<context>
    <name>DoctorChecks</name>
    <message>
        <source>The checks did not give a report. Run kiosk doctor in a terminal.</source>
        <extracomment>The checks are given up (and staff told so) after this long.</extracomment>
        <translation>Kontrollerna gav ingen rapport. Kör kiosk doctor i en terminal.</translation>
    </message>
    <message>
        <source>The checks could not be started. Run kiosk doctor in a terminal.</source>
        <translation>Kontrollerna kunde inte startas. Kör kiosk doctor i en terminal.</translation>
    </message>
    <message>
        <source>The checks took over two minutes and were stopped.</source>
        <translation>Kontrollerna tog över två minuter och avbröts.</translation>
    </message>
    <message>
        <source>Checking this PC. This can take a minute.</source>
        <translation>Datorn kontrolleras. Det kan ta en minut.</translation>
    </message>
    <message>
        <source>The same checks as kiosk doctor: computer, browser, safety, network.</source>
        <translation>Samma kontroller som kiosk doctor: dator, webbläsare, säkerhet, nätverk.</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Inga problem hittades.</translation>
    </message>
    <message>
        <source>Problems found: {count}. Each says how to fix it.</source>
        <translation>Problem hittades: {count}. Vid varje står hur det åtgärdas.</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>FEL</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Varning</translation>
    </message>
    <message>
        <source>Fix: {fix}</source>
        <translation>Åtgärd: {fix}</translation>
    </message>
    <message>
        <source>OK: {names}</source>
        <translation>I ordning: {names}</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Kontroller</translation>
    </message>
    <message>
        <source>Check this PC</source>
        <translation>Kontrollera datorn</translation>
    </message>
</context>
<context>
    <name>GuidesPage</name>
    <message>
        <source>{count} guide(s) on the home screen</source>
        <translation>{count} guide(r) på startsidan</translation>
    </message>
    <message>
        <source>Guide pack {version} from the help desk, in {folder}</source>
        <translation>Guidepaket {version} från stödtjänsten, i mappen {folder}</translation>
    </message>
    <message>
        <source>Folder: {folder}</source>
        <translation>Mapp: {folder}</translation>
    </message>
    <message>
        <source>Problems in guide files (file:line):</source>
        <translation>Problem i guidefilerna (fil:rad):</translation>
    </message>
    <message>
        <source>No problems in the guide files.</source>
        <translation>Inga problem i guidefilerna.</translation>
    </message>
    <message>
        <source>The guides on disk have changed: the kiosk restarts with them when you lock.</source>
        <translation>Guiderna på disken har ändrats: kiosken startar om med dem när du låser.</translation>
    </message>
    <message>
        <source>Check the guides again</source>
        <translation>Kontrollera guiderna igen</translation>
    </message>
</context>
<context>
    <name>HealthPage</name>
    <message>
        <source>{used} of {total} MB in use ({percent} %)</source>
        <extracomment>&quot;Check this PC&quot;: kiosk doctor&apos;s checks (issue 13).</extracomment>
        <translation>{used} av {total} MB används ({percent} %)</translation>
    </message>
    <message>
        <source>{free} MB free of {total} MB</source>
        <translation>{free} MB ledigt av {total} MB</translation>
    </message>
    <message>
        <source>no battery</source>
        <translation>inget batteri</translation>
    </message>
    <message>
        <source>charging</source>
        <translation>laddas</translation>
    </message>
    <message>
        <source>on battery</source>
        <translation>på batteri</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>inte tillgänglig</translation>
    </message>
    <message>
        <source>{count} processes, {mb} MB</source>
        <translation>{count} processer, {mb} MB</translation>
    </message>
    <message>
        <source>on</source>
        <translation>på</translation>
    </message>
    <message>
        <source>OFF: never on a centre&apos;s computer</source>
        <translation>AV: aldrig på ett centers dator</translation>
    </message>
    <message>
        <source>protected: {where}</source>
        <translation>skyddad: {where}</translation>
    </message>
    <message>
        <source>not protected: development checkout</source>
        <translation>inte skyddad: utvecklingsversion</translation>
    </message>
    <message>
        <source>turned off in the settings</source>
        <translation>avstängd i inställningarna</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>klar</translation>
    </message>
    <message>
        <source>not running (it starts again at the next wipe)</source>
        <translation>körs inte (startar igen vid nästa radering)</translation>
    </message>
    <message>
        <source>all checks passed</source>
        <translation>alla kontroller godkända</translation>
    </message>
    <message>
        <source>FAILED: {checks}</source>
        <translation>MISSLYCKADES: {checks}</translation>
    </message>
    <message>
        <source>No wipes yet.</source>
        <translation>Inga raderingar ännu.</translation>
    </message>
    <message>
        <source>not set up</source>
        <translation>inte inställd</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>ansluten</translation>
    </message>
    <message>
        <source>cannot be reached</source>
        <translation>kan inte nås</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>ansluter</translation>
    </message>
    <message>
        <source>{state}; {count} request(s) waiting to be sent</source>
        <translation>{state}; {count} begäran/begäranden väntar på att skickas</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Running for</source>
        <translation>Igång sedan</translation>
    </message>
    <message>
        <source>Processor</source>
        <translation>Processor</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Minne</translation>
    </message>
    <message>
        <source>Disk (data folder)</source>
        <translation>Disk (datamapp)</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>Batteri</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Browser engine</source>
        <translation>Webbläsarmotor</translation>
    </message>
    <message>
        <source>Browser sandbox</source>
        <translation>Webbläsarens sandlåda</translation>
    </message>
    <message>
        <source>Admin PIN</source>
        <translation>Administratörs-PIN</translation>
    </message>
    <message>
        <source>Help desk</source>
        <translation>Stödtjänst</translation>
    </message>
    <message>
        <source>Reading aloud</source>
        <translation>Uppläsning</translation>
    </message>
    <message>
        <source>Last 20 wipes</source>
        <translation>De senaste 20 raderingarna</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Type a whole number, like 180.</source>
        <translation>Skriv ett heltal, till exempel 180.</translation>
    </message>
    <message>
        <source>Type a number from {low} to {high}.</source>
        <translation>Skriv ett tal från {low} till {high}.</translation>
    </message>
    <message>
        <source>A phone number has 5 to 15 digits (spaces, + and - are fine).</source>
        <translation>Ett telefonnummer har 5 till 15 siffror (mellanslag, + och - går bra).</translation>
    </message>
    <message>
        <source>This is too long.</source>
        <translation>Det här är för långt.</translation>
    </message>
    <message>
        <source>Choose one of the kiosk&apos;s languages.</source>
        <translation>Välj ett av kioskens språk.</translation>
    </message>
    <message>
        <source>Choose tiles from the list.</source>
        <translation>Välj rutor från listan.</translation>
    </message>
    <message>
        <source>The settings could not be saved ({reason}).</source>
        <translation>Inställningarna kunde inte sparas ({reason}).</translation>
    </message>
    <message>
        <source>Seconds without a touch before the warning</source>
        <translation>Sekunder utan beröring före varningen</translation>
    </message>
    <message>
        <source>Seconds the warning counts down</source>
        <translation>Sekunder som varningen räknar ned</translation>
    </message>
    <message>
        <source>Language after each visitor</source>
        <translation>Språk efter varje besökare</translation>
    </message>
    <message>
        <source>Printer (empty: the default printer)</source>
        <translation>Skrivare (tom: standardskrivaren)</translation>
    </message>
    <message>
        <source>Pages one visitor may print (0: none)</source>
        <translation>Sidor som en besökare får skriva ut (0: inga)</translation>
    </message>
    <message>
        <source>Centre&apos;s phone number</source>
        <translation>Centrets telefonnummer</translation>
    </message>
    <message>
        <source>Centre&apos;s WhatsApp number</source>
        <translation>Centrets WhatsApp-nummer</translation>
    </message>
    <message>
        <source>Tiles on the home screen</source>
        <translation>Rutorna på startsidan</translation>
    </message>
    <message>
        <source>Tick the tiles to show. Choose a tile and move it up or down to change the order.</source>
        <translation>Kryssa för rutorna som ska visas. Ändra ordningen genom att välja en ruta och flytta den upp eller ned.</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Flytta upp</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Flytta ned</translation>
    </message>
    <message>
        <source>Save the settings</source>
        <translation>Spara inställningarna</translation>
    </message>
</context>
</TS>
