<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="so_SO">
<context>
    <name>BlockedPage</name>
    <message>
        <source>This page is not available on this computer</source>
        <translation>Boggan lagama furi karo kombiyuutarkan</translation>
    </message>
    <message>
        <source>This computer opens only the pages that this errand needs. Go back to where you were. If you need this page, ask for help.</source>
        <translation>Kombiyuutarkan wuxuu furaa oo keliya bogagga arrintan loo baahan yahay. Dib ugu noqo meeshii aad joogtay. Haddii aad boggan u baahan tahay, weydii caawimaad.</translation>
    </message>
    <message>
        <source>Address: {address}</source>
        <translation>Cinwaanka: {address}</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Dib u noqo</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>Page {number} of {total}</source>
        <translation>Bogga {number} / {total}</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Boggii hore</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Bogga xiga</translation>
    </message>
    <message>
        <source>Bigger</source>
        <translation>Weynee</translation>
    </message>
    <message>
        <source>Smaller</source>
        <translation>Yaree</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Daabac</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Xir</translation>
    </message>
</context>
<context>
    <name>EndConfirm</name>
    <message>
        <source>End your session?</source>
        <translation>Ma dhammaynaysaa?</translation>
    </message>
    <message>
        <source>Everything you did on this computer will be erased: the pages you opened, what you typed and your files.</source>
        <translation>Wax kasta oo aad ku samaysay kombiyuutarkan waa la tirtirayaa: bogagga aad furtay, waxa aad qortay iyo faylashaada.</translation>
    </message>
    <message>
        <source>Yes, end and erase</source>
        <translation>Haa, dhammee oo tirtir</translation>
    </message>
    <message>
        <source>No, go back</source>
        <translation>Maya, dib u noqo</translation>
    </message>
</context>
<context>
    <name>ExternalLinkCard</name>
    <message>
        <source>E-mail address</source>
        <translation>Cinwaanka iimaylka</translation>
    </message>
    <message>
        <source>This computer cannot send e-mail. Write to this address with your phone.</source>
        <translation>Kombiyuutarkan iimayl lagama diri karo. Cinwaankan ugu qor telefoonkaaga.</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>Fariin qoraal ah</translation>
    </message>
    <message>
        <source>This computer cannot send text messages. Send it with your phone.</source>
        <translation>Kombiyuutarkan fariin qoraal ah lagama diri karo. Ku dir telefoonkaaga.</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Lambarka telefoonka</translation>
    </message>
    <message>
        <source>This computer cannot call. Call with your phone.</source>
        <translation>Kombiyuutarkan lagama wici karo. Ku wac telefoonkaaga.</translation>
    </message>
    <message>
        <source>Or point your phone&apos;s camera at the square. It opens the address.</source>
        <translation>Ama kamarada telefoonkaaga u jeedi afargeeska. Telefoonku wuxuu furayaa cinwaanka.</translation>
    </message>
    <message>
        <source>Or point your phone&apos;s camera at the square. It opens the number.</source>
        <translation>Ama kamarada telefoonkaaga u jeedi afargeeska. Telefoonku wuxuu furayaa lambarka.</translation>
    </message>
    <message>
        <source>Back to the page</source>
        <translation>Ku noqo bogga</translation>
    </message>
</context>
<context>
    <name>FileChooser</name>
    <message>
        <source>From a USB stick</source>
        <translation>Ka USB-ga</translation>
    </message>
    <message>
        <source>Downloaded now</source>
        <translation>Hadda la soo dejiyay</translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation>La doortay</translation>
    </message>
    <message>
        <source>Choose a file to attach</source>
        <translation>Dooro fayl aad ku lifaaqayso</translation>
    </message>
    <message>
        <source>Here are the files you downloaded during this visit. Tap a file, then press Attach.</source>
        <translation>Kuwani waa faylasha aad soo dejisay booqashadan. Taabo fayl, kadib riix Lifaaq.</translation>
    </message>
    <message>
        <source>Here are the files you downloaded during this visit, and the files on your USB stick. Tap a file, then press Attach.</source>
        <translation>Kuwani waa faylasha aad soo dejisay booqashadan iyo faylasha ku jira USB-gaaga. Taabo fayl, kadib riix Lifaaq.</translation>
    </message>
    <message>
        <source>There are no files here yet. First download the file on this computer, or ask the staff to scan your paper.</source>
        <translation>Halkan weli fayl ma jiro. Marka hore faylka kombiyuutarkan ku soo deji, ama shaqaalaha ka codso inay warqaddaada iskaan gareeyaan.</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Lifaaq</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Jooji</translation>
    </message>
</context>
<context>
    <name>GuidePanel</name>
    <message>
        <source>Stop reading</source>
        <translation>Jooji akhriska</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Kor u akhri</translation>
    </message>
    <message>
        <source>Before you start, you need:</source>
        <translation>Intaadan bilaabin, waxaad u baahan tahay:</translation>
    </message>
    <message>
        <source>What happens next</source>
        <translation>Maxaa xiga</translation>
    </message>
    <message>
        <source>Step {number} of {total}</source>
        <translation>Tallaabo {number} / {total}</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Bilow</translation>
    </message>
    <message>
        <source>Next tip</source>
        <translation>Tilmaanta xigta</translation>
    </message>
    <message>
        <source>This service is in {language}. The guide names its buttons in {language}.</source>
        <translation>Adeeggan wuxuu ku qoran yahay {language}. Tilmaantu badhamadiisa waxay ugu yeertaa {language}.</translation>
    </message>
    <message>
        <source>Previous tip</source>
        <translation>Tilmaantii hore</translation>
    </message>
    <message>
        <source>Done — back to services</source>
        <translation>Waa dhammaatay — ku noqo adeegyada</translation>
    </message>
    <message>
        <source>The button is further down the page: scroll the page down to find it.</source>
        <translation>Badhanku bogga hoose ayuu ku yaal. Bogga hoos u dhaadhici si aad u hesho.</translation>
    </message>
    <message>
        <source>This guide is not available in your language. It is shown in {language}.</source>
        <translation>Tilmaantan laguma hayo luqaddaada. Luqadda tilmaanta waa {language}.</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>af-Finnish</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>af-Iswiidhish</translation>
    </message>
    <message>
        <source>English</source>
        <translation>af-Ingiriis</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Haa</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Maya</translation>
    </message>
    <message>
        <source>Good. Go on with the page.</source>
        <translation>Waa fiican tahay. Ku sii wad bogga.</translation>
    </message>
    <message>
        <source>That is all right. A digital supporter can help you.</source>
        <translation>Dhib ma leh. Caawiye ayaa ku caawin kara.</translation>
    </message>
    <message>
        <source>Call digital support</source>
        <translation>I caawi</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Please check the phone number: it has 5 to 15 digits.</source>
        <translation>Hubi lambarka telefoonka: waa inuu lahaadaa 5 ilaa 15 tiro.</translation>
    </message>
    <message>
        <source>Call digital support</source>
        <translation>I caawi</translation>
    </message>
    <message>
        <source>What do you need help with?</source>
        <translation>Maxaad caawimaad ugu baahan tahay?</translation>
    </message>
    <message>
        <source>Logging in</source>
        <translation>Soo gelidda (login)</translation>
    </message>
    <message>
        <source>A form or application</source>
        <translation>Foom ama codsi</translation>
    </message>
    <message>
        <source>Printing or scanning</source>
        <translation>Daabacaad ama iskaan</translation>
    </message>
    <message>
        <source>The computer itself</source>
        <translation>Kombiyuutarka laftiisa</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Wax kale</translation>
    </message>
    <message>
        <source>Do you want us to call you? Write your phone number (you can leave it empty).</source>
        <translation>Ma rabtaa in lagu soo waco? Qor lambarka telefoonkaaga (waad ka tagi kartaa isagoo bannaan).</translation>
    </message>
    <message>
        <source>for example 040 123 4567</source>
        <translation>tusaale ahaan 040 123 4567</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Dib u noqo</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Dir</translation>
    </message>
    <message>
        <source>Help requests are not in use on this computer. Please ask the staff.</source>
        <translation>Codsiyada caawimaadda laguma isticmaalo kombiyuutarkan. Fadlan weydii shaqaalaha.</translation>
    </message>
    <message>
        <source>The connection to the staff is down right now. Your request will reach them when the connection is back.</source>
        <translation>Xiriirka shaqaalaha hadda wuu go’an yahay. Codsigaagu wuu gaari doonaa marka xiriirku soo laabto.</translation>
    </message>
    <message>
        <source>Phone: {number}</source>
        <translation>Telefoon: {number}</translation>
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
        <translation>Caawimaaddu way soo socotaa. Fadlan halkan ku sug.</translation>
    </message>
    <message>
        <source>Your page is kept as it was. You can go back to it at any time.</source>
        <translation>Boggaagu sidiisii ayuu u hayaa. Wakhti kasta waad ku noqon kartaa.</translation>
    </message>
    <message>
        <source>Back to my page</source>
        <translation>Ku noqo boggayga</translation>
    </message>
    <message>
        <source>I don&apos;t need help any more</source>
        <translation>Caawimaad dambe uma baahni</translation>
    </message>
    <message>
        <source>Cancel the request? You will lose your place in line.</source>
        <translation>Ma joojinaysaa codsiga? Waxaad lumin doontaa kaalintaada safka.</translation>
    </message>
    <message>
        <source>Yes, cancel</source>
        <translation>Haa, jooji</translation>
    </message>
    <message>
        <source>No, keep it</source>
        <translation>Maya, hay</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>What do you want to do today?</source>
        <translation>Maxaad rabtaa inaad maanta samayso?</translation>
    </message>
    <message>
        <source>Tap a tile. A guide beside the page shows you each step.</source>
        <translation>Taabo sanduuq. Tilmaanta bogga agtiisa ah ayaa ku tusaysa tallaabo kasta.</translation>
    </message>
    <message>
        <source>No guides are installed on this computer. Staff: run &apos;kiosk guides check&apos; to see why, then restart the kiosk.</source>
        <translation>Kombiyuutarkan tilmaamo kuma jiraan. Shaqaalaha: ku socodsiiya &apos;kiosk guides check&apos; si aad sababta u aragtaan, kadibna dib u bilaaba kiosk-ga.</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <source>Time left: {time}</source>
        <translation>Waqtiga haray: {time}</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>Weli ma joogtaa?</translation>
    </message>
    <message>
        <source>When the time runs out, everything you did here is erased. Touch the screen to continue.</source>
        <translation>Marka waqtigu dhammaado, wax kasta oo aad halkan ku samaysay waa la tirtirayaa. Taabo shaashadda si aad u sii wadato.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Sii wad</translation>
    </message>
</context>
<context>
    <name>InfoPage</name>
    <message>
        <source>Call digital support</source>
        <translation>I caawi</translation>
    </message>
</context>
<context>
    <name>LanguageChooser</name>
    <message>
        <source>Choose your language</source>
        <translation>Dooro luqaddaada</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Dib u noqo</translation>
    </message>
</context>
<context>
    <name>LeaveServiceConfirm</name>
    <message>
        <source>Leave this service?</source>
        <translation>Ma ka baxaysaa adeeggan?</translation>
    </message>
    <message>
        <source>The page closes, and what you have filled in on it is lost. You can open the service again from All services.</source>
        <translation>Boggu wuu xirmayaa, waxa aad ku buuxisayna way lumayaan. Adeegga mar kale waxaad ka furi kartaa Dhammaan adeegyada.</translation>
    </message>
    <message>
        <source>No, stay here</source>
        <translation>Maya, halkan joog</translation>
    </message>
    <message>
        <source>Yes, show all services</source>
        <translation>Haa, tus dhammaan adeegyada</translation>
    </message>
</context>
<context>
    <name>NoticeCard</name>
    <message>
        <source>This file cannot be saved on this computer</source>
        <extracomment>What the visitor is told for each refused download (a test checks every one has one).</extracomment>
        <translation>Faylkan laguma kaydin karo kombiyuutarkan</translation>
    </message>
    <message>
        <source>It is a program. Programs cannot be started here, to keep this computer safe for everyone.</source>
        <translation>Waa barnaamij. Barnaamijyada halkan lagama furi karo, si kombiyuutarku ugu ahaado mid ammaan u ah qof kasta.</translation>
    </message>
    <message>
        <source>It is a packed file (such as .zip). Packed files cannot be opened here. Ask the service for a PDF instead.</source>
        <translation>Waa fayl la isku cadaadiyay (sida .zip). Faylasha noocaas ah halkan lagama furi karo. Adeegga ka codso fayl PDF ah.</translation>
    </message>
    <message>
        <source>This computer saves only documents and pictures, such as PDF files and photos.</source>
        <translation>Kombiyuutarkan waxaa lagu kaydin karaa oo keliya dukumiinti iyo sawirro, sida faylasha PDF iyo sawirrada.</translation>
    </message>
    <message>
        <source>The file is not what its name says. It was thrown away, to be safe.</source>
        <translation>Faylku ma aha waxa magaciisu sheegayo. Waa la tuuray, si ammaan loo ahaado.</translation>
    </message>
    <message>
        <source>The file is too big for this computer.</source>
        <translation>Faylku aad buu ugu weyn yahay kombiyuutarkan.</translation>
    </message>
    <message>
        <source>The page cannot be saved</source>
        <translation>Bogga lama kaydin karo</translation>
    </message>
    <message>
        <source>You can print the page instead: press Print.</source>
        <translation>Taa beddelkeeda, bogga waad daabici kartaa: riix Daabac.</translation>
    </message>
    <message>
        <source>The file is saved for this visit</source>
        <translation>Faylka waa la kaydiyay inta booqashadani socoto</translation>
    </message>
    <message>
        <source>It cannot be shown on this computer, but you can attach it to an application. It is deleted when you end the session.</source>
        <translation>Lagama muujin karo kombiyuutarkan, laakiin waad ku lifaaqi kartaa codsi. Waa la tirtirayaa marka aad dhammayso.</translation>
    </message>
    <message>
        <source>The file cannot be shown</source>
        <translation>Faylka lama muujin karo</translation>
    </message>
    <message>
        <source>The file is damaged or in a form this computer cannot show.</source>
        <translation>Faylku waa jaban yahay ama wuxuu ku jiraa qaab uusan kombiyuutarkani muujin karin.</translation>
    </message>
    <message>
        <source>This page is not safe to open</source>
        <translation>Boggan ammaan ma aha in la furo</translation>
    </message>
    <message>
        <source>The page&apos;s safety certificate is not valid, so someone could read what you send. The kiosk did not open it. Try again later, or ask for help.</source>
        <translation>Shahaadada ammaanka ee bogga ma saxna, markaa qof ayaa akhrin kara waxa aad dirto. Kombiyuutarku ma furin bogga. Mar dambe isku day, ama weydii caawimaad.</translation>
    </message>
    <message>
        <source>Passkeys cannot be used here</source>
        <translation>Furayaasha gelitaanka (passkey) halkan lama isticmaali karo</translation>
    </message>
    <message>
        <source>This computer is shared, so passkeys and security keys are not used. Choose another way to log in, such as bank codes or a mobile certificate.</source>
        <translation>Kombiyuutarkan dad badan ayaa wadaaga, sidaa darteed furayaasha gelitaanka iyo furayaasha ammaanka lama isticmaalo. Dooro hab kale oo aad ku gasho, sida koodhadhka bangiga ama mobiilivarmenne.</translation>
    </message>
    <message>
        <source>Folders cannot be chosen here</source>
        <translation>Galal (folder) halkan lama dooran karo</translation>
    </message>
    <message>
        <source>Choose one file at a time instead.</source>
        <translation>Taa beddelkeeda, hal fayl mar kasta dooro.</translation>
    </message>
    <message>
        <source>Too many windows</source>
        <translation>Daaqado aad u badan</translation>
    </message>
    <message>
        <source>The page tried to open many new windows. Close the open window first.</source>
        <translation>Boggu wuxuu isku dayay inuu furo daaqado cusub oo badan. Marka hore xir daaqadda furan.</translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation>Fayl: {name}</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Call digital support</source>
        <translation>I caawi</translation>
    </message>
</context>
<context>
    <name>OfflinePage</name>
    <message>
        <source>The page could not be opened</source>
        <translation>Bogga lama furi karin</translation>
    </message>
    <message>
        <source>There may be no internet connection right now, or the service is not answering. Wait a moment and press Try again.</source>
        <translation>Waxaa laga yaabaa in hadda aan internet jirin, ama adeeggu uusan jawaabayn. Wax yar sug, kadib riix Isku day mar kale.</translation>
    </message>
    <message>
        <source>If this keeps happening, tell the staff.</source>
        <translation>Haddii tani soo noqnoqoto, u sheeg shaqaalaha.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Isku day mar kale</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Dhammaan adeegyada</translation>
    </message>
</context>
<context>
    <name>OutcomeQuestion</name>
    <message>
        <source>Did you get it done?</source>
        <translation>Ma dhammaystirtay waxaad u timid?</translation>
    </message>
    <message>
        <source>One tap is enough. Your answer is only counted, together with everyone else&apos;s; nobody sees it was yours.</source>
        <translation>Hal taabasho ayaa ku filan. Jawaabtaada waa la tiriyaa oo keliya, iyadoo lala darayo kuwa kale; qofna ma arko inay taada ahayd.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Haa</translation>
    </message>
    <message>
        <source>Partly</source>
        <translation>Qayb ahaan</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Maya</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Ka bood</translation>
    </message>
</context>
<context>
    <name>PageCrashedPage</name>
    <message>
        <source>This page stopped working</source>
        <translation>Boggan wuu joogsaday</translation>
    </message>
    <message>
        <source>The page closed unexpectedly. Press Try again to open it again. If you were filling in a form, check what you typed.</source>
        <translation>Boggu si lama filaan ah ayuu u xirmay. Riix Isku day mar kale si aad u furto mar kale. Haddii aad buuxinaysay foom, hubi waxa aad qortay.</translation>
    </message>
    <message>
        <source>If this keeps happening, tell the staff.</source>
        <translation>Haddii tani soo noqnoqoto, u sheeg shaqaalaha.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Isku day mar kale</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Hoyga</translation>
    </message>
</context>
<context>
    <name>PopupHost</name>
    <message>
        <source>The page opened a new window. When you are done with it, close it.</source>
        <translation>Boggu wuxuu furay daaqad cusub. Marka aad dhammayso, xir.</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Xir daaqaddan</translation>
    </message>
</context>
<context>
    <name>PrintPageButton</name>
    <message>
        <source>Print</source>
        <translation>Daabac</translation>
    </message>
    <message>
        <source>Print this page</source>
        <translation>Daabac boggan</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Page {number} of {total}</source>
        <extracomment>The page is drawn as wide as this at least: a letter&apos;s 12-point text comes out at about 14 px, readable (the page scrolls for its lower part).</extracomment>
        <translation>Bogga {number} / {total}</translation>
    </message>
    <message>
        <source>Pages: {pages}</source>
        <translation>Bogag: {pages}</translation>
    </message>
    <message>
        <source>Printing is not available on this computer.</source>
        <translation>Kombiyuutarkan laguma daabici karo.</translation>
    </message>
    <message>
        <source>You have printed {limit} pages. That is the most one visit can print. Ask the staff if you need more.</source>
        <translation>Waxaad daabacday {limit} bog. Taasi waa inta ugu badan ee hal booqasho lagu daabici karo. Haddii aad u baahan tahay wax badan, weydii shaqaalaha.</translation>
    </message>
    <message>
        <source>This would be {sheets} pages. You can print {remaining} more pages.</source>
        <translation>Tani waxay noqonaysaa {sheets} bog. Waxaad weli daabici kartaa oo keliya {remaining} bog.</translation>
    </message>
    <message>
        <source>This prints {sheets} pages. You can still print {remaining} pages on this visit.</source>
        <translation>Tani waxay daabacaysaa {sheets} bog. Booqashadan waxaad weli daabici kartaa {remaining} bog.</translation>
    </message>
    <message>
        <source>Printing. Fetch your papers from the printer.</source>
        <translation>Waa la daabacayaa. Waraaqahaaga ka qaado daabacaha.</translation>
    </message>
    <message>
        <source>The printer is not ready. Ask the staff for help.</source>
        <translation>Daabacuhu diyaar ma aha. Shaqaalaha weydii caawimaad.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Xir</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Jooji</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Daabac</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Boggii hore</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Bogga xiga</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Nuqullo</translation>
    </message>
    <message>
        <source>Fewer copies</source>
        <translation>Nuqullo ka yar</translation>
    </message>
    <message>
        <source>More copies</source>
        <translation>Nuqullo ka badan</translation>
    </message>
</context>
<context>
    <name>ScreenShare</name>
    <message>
        <source>Paused: identification in progress. The guide is still visible.</source>
        <translation>Hakad: aqoonsigu wuu socdaa. Tilmaamaha weli waa la arki karaa.</translation>
    </message>
    <message>
        <source>Paused: the visitor is typing a password.</source>
        <translation>Hakad: booqdaha wuxuu qorayaa furaha sirta ah.</translation>
    </message>
</context>
<context>
    <name>ServiceView</name>
    <message>
        <source>Practice pages: not a real service</source>
        <translation>Bogag tababar: ma aha adeeg dhab ah</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Dib u noqo</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Dhammaan adeegyada</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Dib u soo rar</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Weynee</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Yaree</translation>
    </message>
    <message>
        <source>You are proving who you are. Going back now would break it. To stop, press Cancel on the page.</source>
        <translation>Hadda waxaad caddaynaysaa cidda aad tahay. Haddii aad dib u noqoto, way go’aysaa. Si aad u joojiso, bogga ku riix Keskeytä (ama Cancel).</translation>
    </message>
</context>
<context>
    <name>ShareBanner</name>
    <message>
        <source>Someone</source>
        <translation>Qof</translation>
    </message>
    <message>
        <source>{name} from digital support sees your screen. They cannot press anything.</source>
        <translation>{name} oo ka socda taageerada dijitaalka ayaa arkaya shaashaddaada. Waxba ma riixi karo.</translation>
    </message>
    <message>
        <source>The page is hidden from {name} while you type a password.</source>
        <translation>{name} ma arko bogga inta aad qorayso furaha sirta ah.</translation>
    </message>
    <message>
        <source>The identification page is hidden from {name}.</source>
        <translation>{name} ma arko bogga aqoonsiga.</translation>
    </message>
    <message>
        <source>Sharing stops in {minutes} min.</source>
        <translation>Wadaagistu waxay joogsanaysaa {minutes} daqiiqo kadib.</translation>
    </message>
    <message>
        <source>Keep sharing</source>
        <translation>Sii wad wadaagista</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>Jooji wadaagista</translation>
    </message>
</context>
<context>
    <name>ShareConsent</name>
    <message>
        <source>Someone</source>
        <translation>Qof</translation>
    </message>
    <message>
        <source>{name} from digital support would like to see your screen.</source>
        <translation>{name} oo ka socda taageerada dijitaalka ayaa doonaya inuu arko shaashaddaada.</translation>
    </message>
    <message>
        <source>They cannot press anything. Passwords and bank pages are never shown. You can stop sharing at any time.</source>
        <translation>Waxba ma riixi karo. Furayaasha sirta ah iyo boggaga bangiga weligood lama muujiyo. Waqti kasta waad joojin kartaa wadaagista.</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Maya</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>Oggolow</translation>
    </message>
</context>
<context>
    <name>StaffNotice</name>
    <message>
        <source>Staff will end this session in {seconds} s.</source>
        <translation>Shaqaaluhu waxay dhammaynayaan fadhigan {seconds} ilbiriqsi kadib.</translation>
    </message>
    <message>
        <source>Staff will close this computer for maintenance in {seconds} s.</source>
        <translation>Shaqaaluhu waxay u xirayaan kombiyuutarkan dayactir {seconds} ilbiriqsi kadib.</translation>
    </message>
    <message>
        <source>Staff will restart this computer in {seconds} s.</source>
        <translation>Shaqaaluhu waxay dib u shidayaan kombiyuutarkan {seconds} ilbiriqsi kadib.</translation>
    </message>
    <message>
        <source>Everything you did here will be erased. Write down what you need now, or ask staff.</source>
        <translation>Wax kasta oo aad halkan ku samaysay waa la tirtirayaa. Hadda qor waxa aad u baahan tahay, ama weydii shaqaalaha.</translation>
    </message>
</context>
<context>
    <name>StatusBanner</name>
    <message>
        <source>Your request is saved. It will reach the staff when the connection is back.</source>
        <translation>Codsigaaga waa la kaydiyay. Wuxuu gaari doonaa shaqaalaha marka xiriirku soo laabto.</translation>
    </message>
    <message>
        <source>Sending your request…</source>
        <translation>Codsigaaga waa la dirayaa…</translation>
    </message>
    <message>
        <source>Your request is in line. You are next.</source>
        <translation>Codsigaagu wuxuu ku jiraa safka. Adiga ayaa xiga.</translation>
    </message>
    <message>
        <source>Your request is in line. You are number {position}.</source>
        <translation>Codsigaagu wuxuu ku jiraa safka. Kaalintaada safka: {position}.</translation>
    </message>
    <message>
        <source>Your request is in line.</source>
        <translation>Codsigaagu wuxuu ku jiraa safka.</translation>
    </message>
    <message>
        <source>A digital supporter has seen your request.</source>
        <translation>Caawiye ayaa arkay codsigaaga.</translation>
    </message>
    <message>
        <source>Someone is coming to help you in about {minutes} minutes.</source>
        <translation>Qof ayaa kuu imanaya si uu kuu caawiyo qiyaastii {minutes} daqiiqo kadib.</translation>
    </message>
    <message>
        <source>Someone is coming to help you.</source>
        <translation>Qof ayaa kuu imanaya si uu kuu caawiyo.</translation>
    </message>
    <message>
        <source>A digital supporter will call you.</source>
        <translation>Caawiye ayaa ku soo wici doona.</translation>
    </message>
    <message>
        <source>Done. Thank you!</source>
        <translation>Waa dhammaatay. Mahadsanid!</translation>
    </message>
    <message>
        <source>Your request was cancelled.</source>
        <translation>Codsigaaga waa la joojiyay.</translation>
    </message>
    <message>
        <source>Your number is {code}.</source>
        <translation>Lambarkaagu waa {code}.</translation>
    </message>
    <message>
        <source>Helper: {name}</source>
        <translation>Caawiye: {name}</translation>
    </message>
    <message>
        <source>Message from the staff: {message}</source>
        <translation>Fariin ka timid shaqaalaha: {message}</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>Jooji codsiga</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel the request? You will lose your place in line.</source>
        <translation>Ma joojinaysaa codsiga? Waxaad lumin doontaa kaalintaada safka.</translation>
    </message>
    <message>
        <source>Yes, cancel</source>
        <translation>Haa, jooji</translation>
    </message>
    <message>
        <source>No, keep it</source>
        <translation>Maya, hay</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Smaller text</source>
        <translation>Qoraal ka yar</translation>
    </message>
    <message>
        <source>Bigger text</source>
        <translation>Qoraal ka weyn</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>Midabo xooggan</translation>
    </message>
    <message>
        <source>Strong colours on or off</source>
        <translation>Midabo xooggan: daar ama dami</translation>
    </message>
    <message>
        <source>Call digital support</source>
        <translation>I caawi</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>Dhammee</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Luqado kale</translation>
    </message>
</context>
<context>
    <name>WebDialog</name>
    <message>
        <source>The page says</source>
        <translation>Boggu wuxuu leeyahay</translation>
    </message>
    <message>
        <source>The page asks</source>
        <translation>Boggu wuxuu ku weydiinayaa</translation>
    </message>
    <message>
        <source>The page asks you to write</source>
        <translation>Boggu wuxuu kaa codsanayaa inaad wax qorto</translation>
    </message>
    <message>
        <source>Leave this page?</source>
        <translation>Ma ka tagaysaa boggan?</translation>
    </message>
    <message>
        <source>The page asks for a user name and password</source>
        <translation>Boggu wuxuu weydiinayaa magaca isticmaalaha iyo furaha sirta ah</translation>
    </message>
    <message>
        <source>Page: {address}</source>
        <translation>Bogga: {address}</translation>
    </message>
    <message>
        <source>If you leave, what you wrote on this page may be lost.</source>
        <translation>Haddii aad ka tagto, waxa aad boggan ku qortay way lumi karaan.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Magaca isticmaalaha</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Furaha sirta ah</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Ka tag</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Gal</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Ku sii jir bogga</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Jooji</translation>
    </message>
</context>
</TS>
