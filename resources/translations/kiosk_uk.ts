<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
<context>
    <name>BlockedPage</name>
    <message>
        <source>This page is not available on this computer</source>
        <translation>Цю сторінку не можна відкрити на цьому комп’ютері</translation>
    </message>
    <message>
        <source>This computer opens only the pages that this errand needs. Go back to where you were. If you need this page, ask for help.</source>
        <translation>На цьому комп’ютері відкриваються лише сторінки, потрібні для цієї справи. Поверніться назад. Якщо вам потрібна ця сторінка, попросіть допомоги.</translation>
    </message>
    <message>
        <source>Address: {address}</source>
        <translation>Адреса: {address}</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Повернутися назад</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>Page {number} of {total}</source>
        <translation>Сторінка {number} з {total}</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Попередня сторінка</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Наступна сторінка</translation>
    </message>
    <message>
        <source>Bigger</source>
        <translation>Більше</translation>
    </message>
    <message>
        <source>Smaller</source>
        <translation>Менше</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Друк</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
</context>
<context>
    <name>EndConfirm</name>
    <message>
        <source>End your session?</source>
        <translation>Завершити роботу?</translation>
    </message>
    <message>
        <source>Everything you did on this computer will be erased: the pages you opened, what you typed and your files.</source>
        <translation>Усе, що ви робили на цьому комп’ютері, буде стерто: відкриті сторінки, те, що ви писали, і ваші файли.</translation>
    </message>
    <message>
        <source>Yes, end and erase</source>
        <translation>Так, завершити і стерти</translation>
    </message>
    <message>
        <source>No, go back</source>
        <translation>Ні, повернутися</translation>
    </message>
</context>
<context>
    <name>ExternalLinkCard</name>
    <message>
        <source>E-mail address</source>
        <translation>Адреса електронної пошти</translation>
    </message>
    <message>
        <source>This computer cannot send e-mail. Write to this address with your phone.</source>
        <translation>З цього комп’ютера не можна надіслати лист. Напишіть на цю адресу з телефона.</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>SMS-повідомлення</translation>
    </message>
    <message>
        <source>This computer cannot send text messages. Send it with your phone.</source>
        <translation>З цього комп’ютера не можна надіслати SMS. Надішліть його з телефона.</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Номер телефону</translation>
    </message>
    <message>
        <source>This computer cannot call. Call with your phone.</source>
        <translation>З цього комп’ютера не можна подзвонити. Подзвоніть з телефона.</translation>
    </message>
    <message>
        <source>Or point your phone&apos;s camera at the square. It opens the address.</source>
        <translation>Або наведіть камеру телефона на квадрат. Телефон відкриє адресу.</translation>
    </message>
    <message>
        <source>Or point your phone&apos;s camera at the square. It opens the number.</source>
        <translation>Або наведіть камеру телефона на квадрат. Телефон відкриє номер.</translation>
    </message>
    <message>
        <source>Back to the page</source>
        <translation>Назад на сторінку</translation>
    </message>
</context>
<context>
    <name>FileChooser</name>
    <message>
        <source>From a USB stick</source>
        <translation>З флешки</translation>
    </message>
    <message>
        <source>Downloaded now</source>
        <translation>Завантажено зараз</translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation>Вибрано</translation>
    </message>
    <message>
        <source>Choose a file to attach</source>
        <translation>Виберіть файл, який треба додати</translation>
    </message>
    <message>
        <source>Here are the files you downloaded during this visit. Tap a file, then press Attach.</source>
        <translation>Тут файли, які ви завантажили під час цього візиту. Торкніться файлу, потім натисніть «Додати».</translation>
    </message>
    <message>
        <source>Here are the files you downloaded during this visit, and the files on your USB stick. Tap a file, then press Attach.</source>
        <translation>Тут файли, які ви завантажили під час цього візиту, і файли з вашої флешки. Торкніться файлу, потім натисніть «Додати».</translation>
    </message>
    <message>
        <source>There are no files here yet. First download the file on this computer, or ask the staff to scan your paper.</source>
        <translation>Тут ще немає файлів. Спочатку завантажте файл на цьому комп’ютері або попросіть працівників відсканувати ваш документ.</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Додати</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
</context>
<context>
    <name>GuidePanel</name>
    <message>
        <source>Stop reading</source>
        <translation>Зупинити читання</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Прочитати вголос</translation>
    </message>
    <message>
        <source>Before you start, you need:</source>
        <translation>Перед початком вам потрібно:</translation>
    </message>
    <message>
        <source>What happens next</source>
        <translation>Що буде далі</translation>
    </message>
    <message>
        <source>Step {number} of {total}</source>
        <translation>Крок {number} з {total}</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Почати</translation>
    </message>
    <message>
        <source>Next tip</source>
        <translation>Наступна підказка</translation>
    </message>
    <message>
        <source>This service is in {language}. The guide names its buttons in {language}.</source>
        <translation>Ця послуга мовою: {language}. Інструкція називає її кнопки так само: {language}.</translation>
    </message>
    <message>
        <source>Previous tip</source>
        <translation>Попередня підказка</translation>
    </message>
    <message>
        <source>Done — back to services</source>
        <translation>Готово — до списку послуг</translation>
    </message>
    <message>
        <source>The button is further down the page: scroll the page down to find it.</source>
        <translation>Кнопка нижче на сторінці. Прокрутіть сторінку вниз, щоб знайти її.</translation>
    </message>
    <message>
        <source>This guide is not available in your language. It is shown in {language}.</source>
        <translation>Цієї інструкції немає вашою мовою. Мова інструкції: {language}.</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>фінська</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>шведська</translation>
    </message>
    <message>
        <source>English</source>
        <translation>англійська</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Так</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Ні</translation>
    </message>
    <message>
        <source>Good. Go on with the page.</source>
        <translation>Добре. Продовжуйте на сторінці.</translation>
    </message>
    <message>
        <source>That is all right. A digital supporter can help you.</source>
        <translation>Нічого страшного. Помічник може вам допомогти.</translation>
    </message>
    <message>
        <source>Call digital support</source>
        <translation>Допомога</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Please check the phone number: it has 5 to 15 digits.</source>
        <translation>Перевірте номер телефону: у ньому від 5 до 15 цифр.</translation>
    </message>
    <message>
        <source>Call digital support</source>
        <translation>Допомога</translation>
    </message>
    <message>
        <source>What do you need help with?</source>
        <translation>З чим вам потрібна допомога?</translation>
    </message>
    <message>
        <source>Logging in</source>
        <translation>Вхід на сайт</translation>
    </message>
    <message>
        <source>A form or application</source>
        <translation>Анкета або заява</translation>
    </message>
    <message>
        <source>Printing or scanning</source>
        <translation>Друк або сканування</translation>
    </message>
    <message>
        <source>The computer itself</source>
        <translation>Сам комп’ютер</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Інше</translation>
    </message>
    <message>
        <source>Do you want us to call you? Write your phone number (you can leave it empty).</source>
        <translation>Хочете, щоб вам подзвонили? Напишіть свій номер телефону (можна залишити порожнім).</translation>
    </message>
    <message>
        <source>for example 040 123 4567</source>
        <translation>наприклад 040 123 4567</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Надіслати</translation>
    </message>
    <message>
        <source>Help requests are not in use on this computer. Please ask the staff.</source>
        <translation>Тут не можна надіслати прохання про допомогу. Запитайте працівників.</translation>
    </message>
    <message>
        <source>The connection to the staff is down right now. Your request will reach them when the connection is back.</source>
        <translation>Зв’язку з працівниками зараз немає. Ваше прохання дійде до них, коли зв’язок повернеться.</translation>
    </message>
    <message>
        <source>Phone: {number}</source>
        <translation>Телефон: {number}</translation>
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
        <translation>Допомога йде. Будь ласка, зачекайте тут.</translation>
    </message>
    <message>
        <source>Your page is kept as it was. You can go back to it at any time.</source>
        <translation>Ваша сторінка збережена як була. Ви можете повернутися до неї будь-коли.</translation>
    </message>
    <message>
        <source>Back to my page</source>
        <translation>Повернутися до моєї сторінки</translation>
    </message>
    <message>
        <source>I don&apos;t need help any more</source>
        <translation>Мені більше не потрібна допомога</translation>
    </message>
    <message>
        <source>Cancel the request? You will lose your place in line.</source>
        <translation>Скасувати прохання? Ви втратите своє місце в черзі.</translation>
    </message>
    <message>
        <source>Yes, cancel</source>
        <translation>Так, скасувати</translation>
    </message>
    <message>
        <source>No, keep it</source>
        <translation>Ні, залишити</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>What do you want to do today?</source>
        <translation>Що ви хочете зробити сьогодні?</translation>
    </message>
    <message>
        <source>Tap a tile. A guide beside the page shows you each step.</source>
        <translation>Натисніть на плитку. Інструкція поруч зі сторінкою покаже кожен крок.</translation>
    </message>
    <message>
        <source>No guides are installed on this computer. Staff: run &apos;kiosk guides check&apos; to see why, then restart the kiosk.</source>
        <translation>На цьому комп’ютері немає інструкцій. Для працівників: запустіть &apos;kiosk guides check&apos;, щоб дізнатися причину, потім перезапустіть кіоск.</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <source>Time left: {time}</source>
        <translation>Залишилося часу: {time}</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>Ви ще тут?</translation>
    </message>
    <message>
        <source>When the time runs out, everything you did here is erased. Touch the screen to continue.</source>
        <translation>Коли час закінчиться, усе, що ви тут робили, буде стерто. Торкніться екрана, щоб продовжити.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Продовжити</translation>
    </message>
</context>
<context>
    <name>InfoPage</name>
    <message>
        <source>Call digital support</source>
        <translation>Допомога</translation>
    </message>
</context>
<context>
    <name>LanguageChooser</name>
    <message>
        <source>Choose your language</source>
        <translation>Виберіть мову</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
</context>
<context>
    <name>LeaveServiceConfirm</name>
    <message>
        <source>Leave this service?</source>
        <translation>Вийти з цієї послуги?</translation>
    </message>
    <message>
        <source>The page closes, and what you have filled in on it is lost. You can open the service again from All services.</source>
        <translation>Сторінка закриється, і те, що ви заповнили, зникне. Ви можете знову відкрити послугу в розділі «Усі послуги».</translation>
    </message>
    <message>
        <source>No, stay here</source>
        <translation>Ні, залишитися тут</translation>
    </message>
    <message>
        <source>Yes, show all services</source>
        <translation>Так, показати всі послуги</translation>
    </message>
</context>
<context>
    <name>NoticeCard</name>
    <message>
        <source>This file cannot be saved on this computer</source>
        <extracomment>What the visitor is told for each refused download (a test checks every one has one).</extracomment>
        <translation>Цей файл не можна зберегти на цьому комп’ютері</translation>
    </message>
    <message>
        <source>It is a program. Programs cannot be started here, to keep this computer safe for everyone.</source>
        <translation>Це програма. Тут не можна запускати програми, щоб комп’ютер був безпечним для всіх.</translation>
    </message>
    <message>
        <source>It is a packed file (such as .zip). Packed files cannot be opened here. Ask the service for a PDF instead.</source>
        <translation>Це стиснутий файл (наприклад, .zip). Тут не можна відкривати стиснуті файли. Попросіть у служби файл PDF.</translation>
    </message>
    <message>
        <source>This computer saves only documents and pictures, such as PDF files and photos.</source>
        <translation>На цьому комп’ютері можна зберігати лише документи та зображення, наприклад файли PDF і фото.</translation>
    </message>
    <message>
        <source>The file is not what its name says. It was thrown away, to be safe.</source>
        <translation>Файл не такий, як каже його назва. Його видалено для безпеки.</translation>
    </message>
    <message>
        <source>The file is too big for this computer.</source>
        <translation>Файл завеликий для цього комп’ютера.</translation>
    </message>
    <message>
        <source>The page cannot be saved</source>
        <translation>Сторінку не можна зберегти</translation>
    </message>
    <message>
        <source>You can print the page instead: press Print.</source>
        <translation>Натомість можна надрукувати сторінку: натисніть «Друк».</translation>
    </message>
    <message>
        <source>The file is saved for this visit</source>
        <translation>Файл збережено до кінця візиту</translation>
    </message>
    <message>
        <source>It cannot be shown on this computer, but you can attach it to an application. It is deleted when you end the session.</source>
        <translation>Його не можна показати на цьому комп’ютері, але можна додати до заяви. Його буде видалено, коли ви завершите.</translation>
    </message>
    <message>
        <source>The file cannot be shown</source>
        <translation>Файл не можна показати</translation>
    </message>
    <message>
        <source>The file is damaged or in a form this computer cannot show.</source>
        <translation>Файл пошкоджений або в такому форматі, який цей комп’ютер не може показати.</translation>
    </message>
    <message>
        <source>This page is not safe to open</source>
        <translation>Цю сторінку небезпечно відкривати</translation>
    </message>
    <message>
        <source>The page&apos;s safety certificate is not valid, so someone could read what you send. The kiosk did not open it. Try again later, or ask for help.</source>
        <translation>Сертифікат безпеки сторінки недійсний, тому хтось може прочитати те, що ви надсилаєте. Комп’ютер не відкрив її. Спробуйте пізніше або попросіть допомоги.</translation>
    </message>
    <message>
        <source>Passkeys cannot be used here</source>
        <translation>Ключі доступу тут використовувати не можна</translation>
    </message>
    <message>
        <source>This computer is shared, so passkeys and security keys are not used. Choose another way to log in, such as bank codes or a mobile certificate.</source>
        <translation>Цим комп’ютером користуються багато людей, тому ключі доступу та ключі безпеки не використовуються. Виберіть інший спосіб входу, наприклад банківські коди або мобільний сертифікат (mobiilivarmenne).</translation>
    </message>
    <message>
        <source>Folders cannot be chosen here</source>
        <translation>Тут не можна вибирати папки</translation>
    </message>
    <message>
        <source>Choose one file at a time instead.</source>
        <translation>Вибирайте по одному файлу.</translation>
    </message>
    <message>
        <source>Too many windows</source>
        <translation>Забагато вікон</translation>
    </message>
    <message>
        <source>The page tried to open many new windows. Close the open window first.</source>
        <translation>Сторінка намагалася відкрити багато нових вікон. Спочатку закрийте відкрите вікно.</translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation>Файл: {name}</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Call digital support</source>
        <translation>Допомога</translation>
    </message>
</context>
<context>
    <name>OfflinePage</name>
    <message>
        <source>The page could not be opened</source>
        <translation>Не вдалося відкрити сторінку</translation>
    </message>
    <message>
        <source>There may be no internet connection right now, or the service is not answering. Wait a moment and press Try again.</source>
        <translation>Можливо, зараз немає інтернету або сервіс не відповідає. Зачекайте трохи й натисніть «Спробувати знову».</translation>
    </message>
    <message>
        <source>If this keeps happening, tell the staff.</source>
        <translation>Якщо це повторюється, скажіть працівникам.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Спробувати знову</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Усі послуги</translation>
    </message>
</context>
<context>
    <name>OutcomeQuestion</name>
    <message>
        <source>Did you get it done?</source>
        <translation>Чи вдалося зробити те, що ви хотіли?</translation>
    </message>
    <message>
        <source>One tap is enough. Your answer is only counted, together with everyone else&apos;s; nobody sees it was yours.</source>
        <translation>Достатньо одного дотику. Вашу відповідь лише підраховують разом з іншими; ніхто не дізнається, що вона ваша.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Так</translation>
    </message>
    <message>
        <source>Partly</source>
        <translation>Частково</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Ні</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Пропустити</translation>
    </message>
</context>
<context>
    <name>PageCrashedPage</name>
    <message>
        <source>This page stopped working</source>
        <translation>Ця сторінка перестала працювати</translation>
    </message>
    <message>
        <source>The page closed unexpectedly. Press Try again to open it again. If you were filling in a form, check what you typed.</source>
        <translation>Сторінка несподівано закрилася. Натисніть «Спробувати ще раз», щоб відкрити її знову. Якщо ви заповнювали форму, перевірте, що ви написали.</translation>
    </message>
    <message>
        <source>If this keeps happening, tell the staff.</source>
        <translation>Якщо це повторюється, скажіть працівникам.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Спробувати знову</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>На головну</translation>
    </message>
</context>
<context>
    <name>PopupHost</name>
    <message>
        <source>The page opened a new window. When you are done with it, close it.</source>
        <translation>Сторінка відкрила нове вікно. Коли закінчите з ним, закрийте його.</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Закрити це вікно</translation>
    </message>
</context>
<context>
    <name>PrintPageButton</name>
    <message>
        <source>Print</source>
        <translation>Друк</translation>
    </message>
    <message>
        <source>Print this page</source>
        <translation>Надрукувати цю сторінку</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Page {number} of {total}</source>
        <extracomment>The page is drawn as wide as this at least: a letter&apos;s 12-point text comes out at about 14 px, readable (the page scrolls for its lower part).</extracomment>
        <translation>Сторінка {number} з {total}</translation>
    </message>
    <message>
        <source>Pages: {pages}</source>
        <translation>Сторінок: {pages}</translation>
    </message>
    <message>
        <source>Printing is not available on this computer.</source>
        <translation>На цьому комп’ютері не можна друкувати.</translation>
    </message>
    <message>
        <source>You have printed {limit} pages. That is the most one visit can print. Ask the staff if you need more.</source>
        <translation>Ви вже надрукували сторінок: {limit}. Більше за один візит не можна. Якщо треба більше, запитайте працівників.</translation>
    </message>
    <message>
        <source>This would be {sheets} pages. You can print {remaining} more pages.</source>
        <translation>Тут сторінок: {sheets}. Ви можете надрукувати ще лише: {remaining}.</translation>
    </message>
    <message>
        <source>This prints {sheets} pages. You can still print {remaining} pages on this visit.</source>
        <translation>Буде надруковано сторінок: {sheets}. За цей візит можна надрукувати ще сторінок: {remaining}.</translation>
    </message>
    <message>
        <source>Printing. Fetch your papers from the printer.</source>
        <translation>Друкується. Заберіть папери з принтера.</translation>
    </message>
    <message>
        <source>The printer is not ready. Ask the staff for help.</source>
        <translation>Принтер не готовий. Попросіть допомоги у працівників.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Друк</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Попередня сторінка</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Наступна сторінка</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Копії</translation>
    </message>
    <message>
        <source>Fewer copies</source>
        <translation>Менше копій</translation>
    </message>
    <message>
        <source>More copies</source>
        <translation>Більше копій</translation>
    </message>
</context>
<context>
    <name>ScreenShare</name>
    <message>
        <source>Paused: identification in progress. The guide is still visible.</source>
        <translation>Пауза: триває ідентифікація. Інструкцію все ще видно.</translation>
    </message>
    <message>
        <source>Paused: the visitor is typing a password.</source>
        <translation>Пауза: відвідувач вводить пароль.</translation>
    </message>
</context>
<context>
    <name>ServiceView</name>
    <message>
        <source>Practice pages: not a real service</source>
        <translation>Навчальні сторінки: це не справжній сервіс</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Усі послуги</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Оновити</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Збільшити</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Зменшити</translation>
    </message>
    <message>
        <source>You are proving who you are. Going back now would break it. To stop, press Cancel on the page.</source>
        <translation>Зараз ви підтверджуєте свою особу. Кнопка «Назад» перерве це. Щоб зупинити, натисніть на сторінці «Keskeytä» (або «Cancel»).</translation>
    </message>
</context>
<context>
    <name>ShareBanner</name>
    <message>
        <source>Someone</source>
        <translation>Хтось</translation>
    </message>
    <message>
        <source>{name} from digital support sees your screen. They cannot press anything.</source>
        <translation>{name} з цифрової підтримки бачить ваш екран. Натискати нічого не може.</translation>
    </message>
    <message>
        <source>The page is hidden from {name} while you type a password.</source>
        <translation>{name} не бачить сторінку, поки ви вводите пароль.</translation>
    </message>
    <message>
        <source>The identification page is hidden from {name}.</source>
        <translation>{name} не бачить сторінку ідентифікації.</translation>
    </message>
    <message>
        <source>Sharing stops in {minutes} min.</source>
        <translation>Показ екрана закінчиться через {minutes} хв.</translation>
    </message>
    <message>
        <source>Keep sharing</source>
        <translation>Продовжити показ</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>Зупинити показ</translation>
    </message>
</context>
<context>
    <name>ShareConsent</name>
    <message>
        <source>Someone</source>
        <translation>Хтось</translation>
    </message>
    <message>
        <source>{name} from digital support would like to see your screen.</source>
        <translation>{name} з цифрової підтримки хоче побачити ваш екран.</translation>
    </message>
    <message>
        <source>They cannot press anything. Passwords and bank pages are never shown. You can stop sharing at any time.</source>
        <translation>Натискати нічого не зможе. Паролі та сторінки банку ніколи не показуються. Ви можете зупинити показ будь-коли.</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Ні</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>Дозволити</translation>
    </message>
</context>
<context>
    <name>StaffNotice</name>
    <message>
        <source>Staff will end this session in {seconds} s.</source>
        <translation>Працівники завершать цей сеанс через {seconds} с.</translation>
    </message>
    <message>
        <source>Staff will close this computer for maintenance in {seconds} s.</source>
        <translation>Працівники закриють цей комп’ютер на обслуговування через {seconds} с.</translation>
    </message>
    <message>
        <source>Staff will restart this computer in {seconds} s.</source>
        <translation>Працівники перезапустять цей комп’ютер через {seconds} с.</translation>
    </message>
    <message>
        <source>Everything you did here will be erased. Write down what you need now, or ask staff.</source>
        <translation>Усе, що ви тут робили, буде стерто. Запишіть те, що вам потрібно, зараз або запитайте працівників.</translation>
    </message>
</context>
<context>
    <name>StatusBanner</name>
    <message>
        <source>Your request is saved. It will reach the staff when the connection is back.</source>
        <translation>Ваше прохання збережено. Воно дійде до працівників, коли зв’язок повернеться.</translation>
    </message>
    <message>
        <source>Sending your request…</source>
        <translation>Надсилаємо ваше прохання…</translation>
    </message>
    <message>
        <source>Your request is in line. You are next.</source>
        <translation>Ваше прохання в черзі. Ви наступні.</translation>
    </message>
    <message>
        <source>Your request is in line. You are number {position}.</source>
        <translation>Ваше прохання в черзі. Ваш номер у черзі: {position}.</translation>
    </message>
    <message>
        <source>Your request is in line.</source>
        <translation>Ваше прохання в черзі.</translation>
    </message>
    <message>
        <source>A digital supporter has seen your request.</source>
        <translation>Помічник побачив ваше прохання.</translation>
    </message>
    <message>
        <source>Someone is coming to help you in about {minutes} minutes.</source>
        <translation>До вас підійдуть приблизно через {minutes} хв.</translation>
    </message>
    <message>
        <source>Someone is coming to help you.</source>
        <translation>До вас підійдуть і допоможуть.</translation>
    </message>
    <message>
        <source>A digital supporter will call you.</source>
        <translation>Помічник вам подзвонить.</translation>
    </message>
    <message>
        <source>Done. Thank you!</source>
        <translation>Готово. Дякуємо!</translation>
    </message>
    <message>
        <source>Your request was cancelled.</source>
        <translation>Ваше прохання скасовано.</translation>
    </message>
    <message>
        <source>Your number is {code}.</source>
        <translation>Ваш номер: {code}.</translation>
    </message>
    <message>
        <source>Helper: {name}</source>
        <translation>Помічник: {name}</translation>
    </message>
    <message>
        <source>Message from the staff: {message}</source>
        <translation>Повідомлення від працівників: {message}</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>Скасувати прохання</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel the request? You will lose your place in line.</source>
        <translation>Скасувати прохання? Ви втратите своє місце в черзі.</translation>
    </message>
    <message>
        <source>Yes, cancel</source>
        <translation>Так, скасувати</translation>
    </message>
    <message>
        <source>No, keep it</source>
        <translation>Ні, залишити</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Smaller text</source>
        <translation>Менший текст</translation>
    </message>
    <message>
        <source>Bigger text</source>
        <translation>Більший текст</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>Контраст</translation>
    </message>
    <message>
        <source>Strong colours on or off</source>
        <translation>Увімкнути або вимкнути яскраві кольори</translation>
    </message>
    <message>
        <source>Call digital support</source>
        <translation>Допомога</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>Завершити</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Інші мови</translation>
    </message>
</context>
<context>
    <name>WebDialog</name>
    <message>
        <source>The page says</source>
        <translation>Сторінка повідомляє</translation>
    </message>
    <message>
        <source>The page asks</source>
        <translation>Сторінка запитує</translation>
    </message>
    <message>
        <source>The page asks you to write</source>
        <translation>Сторінка просить написати</translation>
    </message>
    <message>
        <source>Leave this page?</source>
        <translation>Піти зі сторінки?</translation>
    </message>
    <message>
        <source>The page asks for a user name and password</source>
        <translation>Сторінка просить ім’я користувача і пароль</translation>
    </message>
    <message>
        <source>Page: {address}</source>
        <translation>Сторінка: {address}</translation>
    </message>
    <message>
        <source>If you leave, what you wrote on this page may be lost.</source>
        <translation>Якщо ви підете, те, що ви написали на цій сторінці, може зникнути.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Ім’я користувача</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Піти</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Увійти</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Залишитися</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
</context>
</TS>
