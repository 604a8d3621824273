<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>BlockedPage</name>
    <message>
        <source>This page is not available on this computer</source>
        <translation>لا يمكن فتح هذه الصفحة على هذا الحاسوب</translation>
    </message>
    <message>
        <source>This computer opens only the pages that this errand needs. Go back to where you were. If you need this page, ask for help.</source>
        <translation>هذا الحاسوب يفتح فقط الصفحات التي تحتاجها هذه المعاملة. ارجع إلى حيث كنت. إذا كنت تحتاج هذه الصفحة، اطلب المساعدة.</translation>
    </message>
    <message>
        <source>Address: {address}</source>
        <translation>العنوان: ⁨{address}⁩</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>ارجع</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>Page {number} of {total}</source>
        <translation>الصفحة {number} من {total}</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>الصفحة السابقة</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>الصفحة التالية</translation>
    </message>
    <message>
        <source>Bigger</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <source>Smaller</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>طباعة</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>EndConfirm</name>
    <message>
        <source>End your session?</source>
        <translation>هل تريد الإنهاء؟</translation>
    </message>
    <message>
        <source>Everything you did on this computer will be erased: the pages you opened, what you typed and your files.</source>
        <translation>سيُمسح كل ما فعلته على هذا الحاسوب: الصفحات التي فتحتها، وما كتبته، وملفاتك.</translation>
    </message>
    <message>
        <source>Yes, end and erase</source>
        <translation>نعم، أنهِ وامسح</translation>
    </message>
    <message>
        <source>No, go back</source>
        <translation>لا، ارجع</translation>
    </message>
</context>
<context>
    <name>ExternalLinkCard</name>
    <message>
        <source>E-mail address</source>
        <translation>عنوان البريد الإلكتروني</translation>
    </message>
    <message>
        <source>This computer cannot send e-mail. Write to this address with your phone.</source>
        <translation>لا يمكن إرسال بريد إلكتروني من هذا الحاسوب. اكتب إلى هذا العنوان من هاتفك.</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>رسالة نصية</translation>
    </message>
    <message>
        <source>This computer cannot send text messages. Send it with your phone.</source>
        <translation>لا يمكن إرسال رسائل نصية من هذا الحاسوب. أرسلها من هاتفك.</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>رقم الهاتف</translation>
    </message>
    <message>
        <source>This computer cannot call. Call with your phone.</source>
        <translation>لا يمكن الاتصال من هذا الحاسوب. اتصل من هاتفك.</translation>
    </message>
    <message>
        <source>Or point your phone&apos;s camera at the square. It opens the address.</source>
        <translation>أو وجّه كاميرا هاتفك إلى المربع. سيفتح الهاتف العنوان.</translation>
    </message>
    <message>
        <source>Or point your phone&apos;s camera at the square. It opens the number.</source>
        <translation>أو وجّه كاميرا هاتفك إلى المربع. سيفتح الهاتف الرقم.</translation>
    </message>
    <message>
        <source>Back to the page</source>
        <translation>العودة إلى الصفحة</translation>
    </message>
</context>
<context>
    <name>FileChooser</name>
    <message>
        <source>From a USB stick</source>
        <translation>من ذاكرة USB</translation>
    </message>
    <message>
        <source>Downloaded now</source>
        <translation>نُزّل الآن</translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation>تم اختياره</translation>
    </message>
    <message>
        <source>Choose a file to attach</source>
        <translation>اختر ملفًا لإرفاقه</translation>
    </message>
    <message>
        <source>Here are the files you downloaded during this visit. Tap a file, then press Attach.</source>
        <translation>هذه هي الملفات التي نزّلتها في هذه الزيارة. المس ملفًا، ثم اضغط «إرفاق».</translation>
    </message>
    <message>
        <source>Here are the files you downloaded during this visit, and the files on your USB stick. Tap a file, then press Attach.</source>
        <translation>هذه هي الملفات التي نزّلتها في هذه الزيارة، والملفات التي في ذاكرة USB الخاصة بك. المس ملفًا، ثم اضغط «إرفاق».</translation>
    </message>
    <message>
        <source>There are no files here yet. First download the file on this computer, or ask the staff to scan your paper.</source>
        <translation>لا توجد ملفات هنا بعد. نزّل الملف أولًا على هذا الحاسوب، أو اطلب من الموظفين أن يمسحوا ورقتك ضوئيًا.</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>إرفاق</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>GuidePanel</name>
    <message>
        <source>Stop reading</source>
        <translation>أوقف القراءة</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>اقرأ بصوت عالٍ</translation>
    </message>
    <message>
        <source>Before you start, you need:</source>
        <translation>قبل أن تبدأ، تحتاج إلى:</translation>
    </message>
    <message>
        <source>What happens next</source>
        <translation>ماذا يحدث بعد ذلك</translation>
    </message>
    <message>
        <source>Step {number} of {total}</source>
        <translation>الخطوة {number} من {total}</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>ابدأ</translation>
    </message>
    <message>
        <source>Next tip</source>
        <translation>النصيحة التالية</translation>
    </message>
    <message>
        <source>This service is in {language}. The guide names its buttons in {language}.</source>
        <translation>هذه الخدمة باللغة {language}. يذكر الدليل أسماء أزرارها باللغة {language}.</translation>
    </message>
    <message>
        <source>Previous tip</source>
        <translation>النصيحة السابقة</translation>
    </message>
    <message>
        <source>Done — back to services</source>
        <translation>تمّ — العودة إلى الخدمات</translation>
    </message>
    <message>
        <source>The button is further down the page: scroll the page down to find it.</source>
        <translation>الزر في أسفل الصفحة. مرّر الصفحة إلى الأسفل لتجده.</translation>
    </message>
    <message>
        <source>This guide is not available in your language. It is shown in {language}.</source>
        <translation>هذا الدليل غير متوفر بلغتك. هو معروض باللغة {language}.</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>الفنلندية</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>السويدية</translation>
    </message>
    <message>
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>No</source>
        <translation>لا</translation>
    </message>
    <message>
        <source>Good. Go on with the page.</source>
        <translation>جيد. تابع في الصفحة.</translation>
    </message>
    <message>
        <source>That is all right. A digital supporter can help you.</source>
        <translation>لا بأس. يمكن لمساعد أن يساعدك.</translation>
    </message>
    <message>
        <source>Call digital support</source>
        <translation>اطلب المساعدة</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Please check the phone number: it has 5 to 15 digits.</source>
        <translation>تحقق من رقم الهاتف: فيه من 5 إلى 15 رقمًا.</translation>
    </message>
    <message>
        <source>Call digital support</source>
        <translation>اطلب المساعدة</translation>
    </message>
    <message>
        <source>What do you need help with?</source>
        <translation>بماذا تحتاج المساعدة؟</translation>
    </message>
    <message>
        <source>Logging in</source>
        <translation>تسجيل الدخول</translation>
    </message>
    <message>
        <source>A form or application</source>
        <translation>استمارة أو طلب</translation>
    </message>
    <message>
        <source>Printing or scanning</source>
        <translation>الطباعة أو المسح الضوئي</translation>
    </message>
    <message>
        <source>The computer itself</source>
        <translation>الحاسوب نفسه</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>شيء آخر</translation>
    </message>
    <message>
        <source>Do you want us to call you? Write your phone number (you can leave it empty).</source>
        <translation>هل تريد أن نتصل بك؟ اكتب رقم هاتفك (يمكنك أن تتركه فارغًا).</translation>
    </message>
    <message>
        <source>for example 040 123 4567</source>
        <translation>مثلًا ⁨040 123 4567⁩</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>إرسال</translation>
    </message>
    <message>
        <source>Help requests are not in use on this computer. Please ask the staff.</source>
        <translation>طلبات المساعدة غير مفعّلة على هذا الحاسوب. من فضلك اسأل الموظفين.</translation>
    </message>
    <message>
        <source>The connection to the staff is down right now. Your request will reach them when the connection is back.</source>
        <translation>الاتصال بالموظفين مقطوع الآن. سيصل طلبك إليهم عندما يعود الاتصال.</translation>
    </message>
    <message>
        <source>Phone: {number}</source>
        <translation>الهاتف: ⁨{number}⁩</translation>
    </message>
    <message>
        <source>WhatsApp: {number}</source>
        <translation>واتساب: ⁨{number}⁩</translation>
    </message>
</context>
<context>
    <name>HelpWaitScreen</name>
    <message>
        <source>Help is coming. Please wait here.</source>
        <translation>المساعدة في الطريق. من فضلك انتظر هنا.</translation>
    </message>
    <message>
        <source>Your page is kept as it was. You can go back to it at any time.</source>
        <translation>صفحتك محفوظة كما كانت. يمكنك العودة إليها في أي وقت.</translation>
    </message>
    <message>
        <source>Back to my page</source>
        <translation>العودة إلى صفحتي</translation>
    </message>
    <message>
        <source>I don&apos;t need help any more</source>
        <translation>لم أعد بحاجة إلى المساعدة</translation>
    </message>
    <message>
        <source>Cancel the request? You will lose your place in line.</source>
        <translation>هل تريد إلغاء الطلب؟ ستفقد مكانك في الدور.</translation>
    </message>
    <message>
        <source>Yes, cancel</source>
        <translation>نعم، ألغِ</translation>
    </message>
    <message>
        <source>No, keep it</source>
        <translation>لا، أبقِه</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>What do you want to do today?</source>
        <translation>ماذا تريد أن تفعل اليوم؟</translation>
    </message>
    <message>
        <source>Tap a tile. A guide beside the page shows you each step.</source>
        <translation>اضغط على مربع. الدليل بجانب الصفحة يريك كل خطوة.</translation>
    </message>
    <message>
        <source>No guides are installed on this computer. Staff: run &apos;kiosk guides check&apos; to see why, then restart the kiosk.</source>
        <translation>لا توجد أدلة على هذا الحاسوب. للموظفين: شغّلوا &apos;kiosk guides check&apos; لمعرفة السبب، ثم أعيدوا تشغيل الكشك.</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <source>Time left: {time}</source>
        <translation>الوقت المتبقي: {time}</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>هل ما زلت هنا؟</translation>
    </message>
    <message>
        <source>When the time runs out, everything you did here is erased. Touch the screen to continue.</source>
        <translation>عندما ينتهي الوقت، سيُمسح كل ما فعلته هنا. المس الشاشة لتكمل.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>متابعة</translation>
    </message>
</context>
<context>
    <name>InfoPage</name>
    <message>
        <source>Call digital support</source>
        <translation>اطلب المساعدة</translation>
    </message>
</context>
<context>
    <name>LanguageChooser</name>
    <message>
        <source>Choose your language</source>
        <translation>اختر لغتك</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
</context>
<context>
    <name>LeaveServiceConfirm</name>
    <message>
        <source>Leave this service?</source>
        <translation>هل تريد مغادرة هذه الخدمة؟</translation>
    </message>
    <message>
        <source>The page closes, and what you have filled in on it is lost. You can open the service again from All services.</source>
        <translation>ستُغلق الصفحة ويضيع ما ملأته فيها. يمكنك فتح الخدمة مرة أخرى من «كل الخدمات».</translation>
    </message>
    <message>
        <source>No, stay here</source>
        <translation>لا، أبقَ هنا</translation>
    </message>
    <message>
        <source>Yes, show all services</source>
        <translation>نعم، اعرض كل الخدمات</translation>
    </message>
</context>
<context>
    <name>NoticeCard</name>
    <message>
        <source>This file cannot be saved on this computer</source>
        <extracomment>What the visitor is told for each refused download (a test checks every one has one).</extracomment>
        <translation>لا يمكن حفظ هذا الملف على هذا الحاسوب</translation>
    </message>
    <message>
        <source>It is a program. Programs cannot be started here, to keep this computer safe for everyone.</source>
        <translation>إنه برنامج. لا يمكن تشغيل البرامج هنا، ليبقى هذا الحاسوب آمنًا للجميع.</translation>
    </message>
    <message>
        <source>It is a packed file (such as .zip). Packed files cannot be opened here. Ask the service for a PDF instead.</source>
        <translation>إنه ملف مضغوط (مثل ‎.zip). لا يمكن فتح الملفات المضغوطة هنا. اطلب من الخدمة ملف PDF بدلًا منه.</translation>
    </message>
    <message>
        <source>This computer saves only documents and pictures, such as PDF files and photos.</source>
        <translation>هذا الحاسوب يحفظ فقط المستندات والصور، مثل ملفات PDF والصور الفوتوغرافية.</translation>
    </message>
    <message>
        <source>The file is not what its name says. It was thrown away, to be safe.</source>
        <translation>الملف ليس كما يقول اسمه. حُذف للأمان.</translation>
    </message>
    <message>
        <source>The file is too big for this computer.</source>
        <translation>الملف كبير جدًا على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>The page cannot be saved</source>
        <translation>لا يمكن حفظ الصفحة</translation>
    </message>
    <message>
        <source>You can print the page instead: press Print.</source>
        <translation>يمكنك أن تطبع الصفحة بدلًا من ذلك: اضغط «طباعة».</translation>
    </message>
    <message>
        <source>The file is saved for this visit</source>
        <translation>الملف محفوظ خلال هذه الزيارة</translation>
    </message>
    <message>
        <source>It cannot be shown on this computer, but you can attach it to an application. It is deleted when you end the session.</source>
        <translation>لا يمكن عرضه على هذا الحاسوب، لكن يمكنك أن ترفقه بطلب. سيُحذف عندما تنهي.</translation>
    </message>
    <message>
        <source>The file cannot be shown</source>
        <translation>لا يمكن عرض الملف</translation>
    </message>
    <message>
        <source>The file is damaged or in a form this computer cannot show.</source>
        <translation>الملف تالف أو بصيغة لا يستطيع هذا الحاسوب عرضها.</translation>
    </message>
    <message>
        <source>This page is not safe to open</source>
        <translation>ليس من الآمن فتح هذه الصفحة</translation>
    </message>
    <message>
        <source>The page&apos;s safety certificate is not valid, so someone could read what you send. The kiosk did not open it. Try again later, or ask for help.</source>
        <translation>شهادة الأمان لهذه الصفحة غير صالحة، لذلك قد يقرأ أحدٌ ما ترسله. لم يفتح الحاسوب الصفحة. حاول لاحقًا، أو اطلب المساعدة.</translation>
    </message>
    <message>
        <source>Passkeys cannot be used here</source>
        <translation>لا يمكن استخدام مفاتيح المرور هنا</translation>
    </message>
    <message>
        <source>This computer is shared, so passkeys and security keys are not used. Choose another way to log in, such as bank codes or a mobile certificate.</source>
        <translation>هذا الحاسوب يستخدمه كثير من الناس، لذلك لا تُستخدم مفاتيح المرور ومفاتيح الأمان. اختر طريقة أخرى لتسجيل الدخول، مثل رموز البنك أو شهادة الهاتف المحمول (mobiilivarmenne).</translation>
    </message>
    <message>
        <source>Folders cannot be chosen here</source>
        <translation>لا يمكن اختيار المجلدات هنا</translation>
    </message>
    <message>
        <source>Choose one file at a time instead.</source>
        <translation>اختر ملفًا واحدًا في كل مرة.</translation>
    </message>
    <message>
        <source>Too many windows</source>
        <translation>نوافذ كثيرة جدًا</translation>
    </message>
    <message>
        <source>The page tried to open many new windows. Close the open window first.</source>
        <translation>حاولت الصفحة أن تفتح نوافذ جديدة كثيرة. أغلق النافذة المفتوحة أولًا.</translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation>الملف: ⁨{name}⁩</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>حسنًا</translation>
    </message>
    <message>
        <source>Call digital support</source>
        <translation>اطلب المساعدة</translation>
    </message>
</context>
<context>
    <name>OfflinePage</name>
    <message>
        <source>The page could not be opened</source>
        <translation>تعذّر فتح الصفحة</translation>
    </message>
    <message>
        <source>There may be no internet connection right now, or the service is not answering. Wait a moment and press Try again.</source>
        <translation>ربما لا يوجد اتصال بالإنترنت الآن، أو الخدمة لا تجيب. انتظر قليلًا واضغط «حاول مرة أخرى».</translation>
    </message>
    <message>
        <source>If this keeps happening, tell the staff.</source>
        <translation>إذا تكرر هذا، أخبر الموظفين.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>حاول مرة أخرى</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>كل الخدمات</translation>
    </message>
</context>
<context>
    <name>OutcomeQuestion</name>
    <message>
        <source>Did you get it done?</source>
        <translation>هل أنجزت ما جئت من أجله؟</translation>
    </message>
    <message>
        <source>One tap is enough. Your answer is only counted, together with everyone else&apos;s; nobody sees it was yours.</source>
        <translation>لمسة واحدة تكفي. تُحسب إجابتك فقط مع إجابات الجميع؛ لا أحد يعرف أنها إجابتك.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>Partly</source>
        <translation>جزئيًا</translation>
    </message>
    <message>
        <source>No</source>
        <translation>لا</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>تخطَّ</translation>
    </message>
</context>
<context>
    <name>PageCrashedPage</name>
    <message>
        <source>This page stopped working</source>
        <translation>توقفت هذه الصفحة عن العمل</translation>
    </message>
    <message>
        <source>The page closed unexpectedly. Press Try again to open it again. If you were filling in a form, check what you typed.</source>
        <translation>أُغلقت الصفحة فجأة. اضغط «حاول مرة أخرى» لفتحها من جديد. إذا كنت تملأ نموذجًا، فتحقق مما كتبته.</translation>
    </message>
    <message>
        <source>If this keeps happening, tell the staff.</source>
        <translation>إذا تكرر هذا، أخبر الموظفين.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>حاول مرة أخرى</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>الصفحة الرئيسية</translation>
    </message>
</context>
<context>
    <name>PopupHost</name>
    <message>
        <source>The page opened a new window. When you are done with it, close it.</source>
        <translation>فتحت الصفحة نافذة جديدة. عندما تنتهي منها، أغلقها.</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>أغلق هذه النافذة</translation>
    </message>
</context>
<context>
    <name>PrintPageButton</name>
    <message>
        <source>Print</source>
        <translation>طباعة</translation>
    </message>
    <message>
        <source>Print this page</source>
        <translation>اطبع هذه الصفحة</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Page {number} of {total}</source>
        <extracomment>The page is drawn as wide as this at least: a letter&apos;s 12-point text comes out at about 14 px, readable (the page scrolls for its lower part).</extracomment>
        <translation>الصفحة {number} من {total}</translation>
    </message>
    <message>
        <source>Pages: {pages}</source>
        <translation>عدد الصفحات: {pages}</translation>
    </message>
    <message>
        <source>Printing is not available on this computer.</source>
        <translation>لا يمكن الطباعة على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>You have printed {limit} pages. That is the most one visit can print. Ask the staff if you need more.</source>
        <translation>لقد طبعت {limit} من الصفحات. هذا أقصى ما يمكن طباعته في زيارة واحدة. اسأل الموظفين إذا كنت تحتاج المزيد.</translation>
    </message>
    <message>
        <source>This would be {sheets} pages. You can print {remaining} more pages.</source>
        <translation>عدد الصفحات: {sheets}. لكن يمكنك أن تطبع {remaining} فقط.</translation>
    </message>
    <message>
        <source>This prints {sheets} pages. You can still print {remaining} pages on this visit.</source>
        <translation>عدد الصفحات: {sheets}. ما زال يمكنك أن تطبع {remaining} في هذه الزيارة.</translation>
    </message>
    <message>
        <source>Printing. Fetch your papers from the printer.</source>
        <translation>تجري الطباعة. خذ أوراقك من الطابعة.</translation>
    </message>
    <message>
        <source>The printer is not ready. Ask the staff for help.</source>
        <translation>الطابعة غير جاهزة. اطلب المساعدة من الموظفين.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>طباعة</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>الصفحة السابقة</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>الصفحة التالية</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>النسخ</translation>
    </message>
    <message>
        <source>Fewer copies</source>
        <translation>نسخ أقل</translation>
    </message>
    <message>
        <source>More copies</source>
        <translation>نسخ أكثر</translation>
    </message>
</context>
<context>
    <name>ScreenShare</name>
    <message>
        <source>Paused: identification in progress. The guide is still visible.</source>
        <translation>متوقف مؤقتًا: التحقق من الهوية جارٍ. الدليل ما زال ظاهرًا.</translation>
    </message>
    <message>
        <source>Paused: the visitor is typing a password.</source>
        <translation>متوقف مؤقتًا: الزائر يكتب كلمة مرور.</translation>
    </message>
</context>
<context>
    <name>ServiceView</name>
    <message>
        <source>Practice pages: not a real service</source>
        <translation>صفحات للتدريب: ليست خدمة حقيقية</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>كل الخدمات</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>إعادة التحميل</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <source>You are proving who you are. Going back now would break it. To stop, press Cancel on the page.</source>
        <translation>أنت الآن تثبت هويتك. زر الرجوع سيقطع ذلك. لكي تتوقف، اضغط في الصفحة على Keskeytä (أو Cancel).</translation>
    </message>
</context>
<context>
    <name>ShareBanner</name>
    <message>
        <source>Someone</source>
        <translation>شخص ما</translation>
    </message>
    <message>
        <source>{name} from digital support sees your screen. They cannot press anything.</source>
        <translation>⁨{name}⁩ من الدعم الرقمي يرى شاشتك. لا يستطيع الضغط على أي شيء.</translation>
    </message>
    <message>
        <source>The page is hidden from {name} while you type a password.</source>
        <translation>الصفحة مخفية عن ⁨{name}⁩ أثناء كتابتك كلمة المرور.</translation>
    </message>
    <message>
        <source>The identification page is hidden from {name}.</source>
        <translation>صفحة التحقق من الهوية مخفية عن ⁨{name}⁩.</translation>
    </message>
    <message>
        <source>Sharing stops in {minutes} min.</source>
        <translation>تتوقف المشاركة بعد {minutes} دقيقة.</translation>
    </message>
    <message>
        <source>Keep sharing</source>
        <translation>تابع المشاركة</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>أوقف المشاركة</translation>
    </message>
</context>
<context>
    <name>ShareConsent</name>
    <message>
        <source>Someone</source>
        <translation>شخص ما</translation>
    </message>
    <message>
        <source>{name} from digital support would like to see your screen.</source>
        <translation>⁨{name}⁩ من الدعم الرقمي يريد أن يرى شاشتك.</translation>
    </message>
    <message>
        <source>They cannot press anything. Passwords and bank pages are never shown. You can stop sharing at any time.</source>
        <translation>لا يستطيع الضغط على أي شيء. كلمات المرور وصفحات البنك لا تظهر أبدًا. يمكنك إيقاف المشاركة في أي وقت.</translation>
    </message>
    <message>
        <source>No</source>
        <translation>لا</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>اسمح</translation>
    </message>
</context>
<context>
    <name>StaffNotice</name>
    <message>
        <source>Staff will end this session in {seconds} s.</source>
        <translation>سينهي الموظفون هذه الجلسة بعد ⁨{seconds}⁩ ثانية.</translation>
    </message>
    <message>
        <source>Staff will close this computer for maintenance in {seconds} s.</source>
        <translation>سيغلق الموظفون هذا الحاسوب للصيانة بعد ⁨{seconds}⁩ ثانية.</translation>
    </message>
    <message>
        <source>Staff will restart this computer in {seconds} s.</source>
        <translation>سيعيد الموظفون تشغيل هذا الحاسوب بعد ⁨{seconds}⁩ ثانية.</translation>
    </message>
    <message>
        <source>Everything you did here will be erased. Write down what you need now, or ask staff.</source>
        <translation>سيُمسح كل ما فعلته هنا. اكتب ما تحتاجه الآن، أو اسأل الموظفين.</translation>
    </message>
</context>
<context>
    <name>StatusBanner</name>
    <message>
        <source>Your request is saved. It will reach the staff when the connection is back.</source>
        <translation>طلبك محفوظ. سيصل إلى الموظفين عندما يعود الاتصال.</translation>
    </message>
    <message>
        <source>Sending your request…</source>
        <translation>جارٍ إرسال طلبك…</translation>
    </message>
    <message>
        <source>Your request is in line. You are next.</source>
        <translation>طلبك في الدور. أنت التالي.</translation>
    </message>
    <message>
        <source>Your request is in line. You are number {position}.</source>
        <translation>طلبك في الدور. رقمك في الدور: {position}.</translation>
    </message>
    <message>
        <source>Your request is in line.</source>
        <translation>طلبك في الدور.</translation>
    </message>
    <message>
        <source>A digital supporter has seen your request.</source>
        <translation>رأى مساعدٌ طلبك.</translation>
    </message>
    <message>
        <source>Someone is coming to help you in about {minutes} minutes.</source>
        <translation>سيأتي أحد لمساعدتك بعد {minutes} دقيقة تقريبًا.</translation>
    </message>
    <message>
        <source>Someone is coming to help you.</source>
        <translation>سيأتي أحد لمساعدتك.</translation>
    </message>
    <message>
        <source>A digital supporter will call you.</source>
        <translation>سيتصل بك مساعد.</translation>
    </message>
    <message>
        <source>Done. Thank you!</source>
        <translation>تم. شكرًا!</translation>
    </message>
    <message>
        <source>Your request was cancelled.</source>
        <translation>أُلغي طلبك.</translation>
    </message>
    <message>
        <source>Your number is {code}.</source>
        <translation>رقمك هو ⁨{code}⁩.</translation>
    </message>
    <message>
        <source>Helper: {name}</source>
        <translation>المساعد: ⁨{name}⁩</translation>
    </message>
    <message>
        <source>Message from the staff: {message}</source>
        <translation>رسالة من الموظفين: ⁨{message}⁩</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>إلغاء الطلب</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>حسنًا</translation>
    </message>
    <message>
        <source>Cancel the request? You will lose your place in line.</source>
        <translation>هل تريد إلغاء الطلب؟ ستفقد مكانك في الدور.</translation>
    </message>
    <message>
        <source>Yes, cancel</source>
        <translation>نعم، ألغِ</translation>
    </message>
    <message>
        <source>No, keep it</source>
        <translation>لا، أبقِه</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Smaller text</source>
        <translation>نص أصغر</translation>
    </message>
    <message>
        <source>Bigger text</source>
        <translation>نص أكبر</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>التباين</translation>
    </message>
    <message>
        <source>Strong colours on or off</source>
        <translation>تشغيل الألوان القوية أو إيقافها</translation>
    </message>
    <message>
        <source>Call digital support</source>
        <translation>اطلب المساعدة</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>لغات أخرى</translation>
    </message>
</context>
<context>
    <name>WebDialog</name>
    <message>
        <source>The page says</source>
        <translation>الصفحة تقول</translation>
    </message>
    <message>
        <source>The page asks</source>
        <translation>الصفحة تسأل</translation>
    </message>
    <message>
        <source>The page asks you to write</source>
        <translation>الصفحة تطلب منك أن تكتب</translation>
    </message>
    <message>
        <source>Leave this page?</source>
        <translation>هل تريد مغادرة الصفحة؟</translation>
    </message>
    <message>
        <source>The page asks for a user name and password</source>
        <translation>الصفحة تطلب اسم المستخدم وكلمة المرور</translation>
    </message>
    <message>
        <source>Page: {address}</source>
        <translation>الصفحة: ⁨{address}⁩</translation>
    </message>
    <message>
        <source>If you leave, what you wrote on this page may be lost.</source>
        <translation>إذا غادرت، قد يضيع ما كتبته في هذه الصفحة.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>اسم المستخدم</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>غادر</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>سجّل الدخول</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>حسنًا</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>ابقَ هنا</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
</TS>
