<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>BlockedPage</name>
    <message>
        <source>This page is not available on this computer</source>
        <translation>Эту страницу нельзя открыть на этом компьютере</translation>
    </message>
    <message>
        <source>This computer opens only the pages that this errand needs. Go back to where you were. If you need this page, ask for help.</source>
        <translation>На этом компьютере открываются только страницы, нужные для этого дела. Вернитесь назад. Если вам нужна эта страница, попросите помощи.</translation>
    </message>
    <message>
        <source>Address: {address}</source>
        <translation>Адрес: {address}</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Вернуться назад</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>Page {number} of {total}</source>
        <translation>Страница {number} из {total}</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Предыдущая страница</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Следующая страница</translation>
    </message>
    <message>
        <source>Bigger</source>
        <translation>Крупнее</translation>
    </message>
    <message>
        <source>Smaller</source>
        <translation>Мельче</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Печать</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>EndConfirm</name>
    <message>
        <source>End your session?</source>
        <translation>Закончить работу?</translation>
    </message>
    <message>
        <source>Everything you did on this computer will be erased: the pages you opened, what you typed and your files.</source>
        <translation>Всё, что вы делали на этом компьютере, будет стёрто: открытые страницы, то, что вы писали, и ваши файлы.</translation>
    </message>
    <message>
        <source>Yes, end and erase</source>
        <translation>Да, закончить и стереть</translation>
    </message>
    <message>
        <source>No, go back</source>
        <translation>Нет, вернуться</translation>
    </message>
</context>
<context>
    <name>ExternalLinkCard</name>
    <message>
        <source>E-mail address</source>
        <translation>Адрес электронной почты</translation>
    </message>
    <message>
        <source>This computer cannot send e-mail. Write to this address with your phone.</source>
        <translation>С этого компьютера нельзя отправить письмо. Напишите на этот адрес с телефона.</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>SMS-сообщение</translation>
    </message>
    <message>
        <source>This computer cannot send text messages. Send it with your phone.</source>
        <translation>С этого компьютера нельзя отправить SMS. Отправьте его с телефона.</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Номер телефона</translation>
    </message>
    <message>
        <source>This computer cannot call. Call with your phone.</source>
        <translation>С этого компьютера нельзя позвонить. Позвоните с телефона.</translation>
    </message>
    <message>
        <source>Or point your phone&apos;s camera at the square. It opens the address.</source>
        <translation>Или наведите камеру телефона на квадрат. Телефон откроет адрес.</translation>
    </message>
    <message>
        <source>Or point your phone&apos;s camera at the square. It opens the number.</source>
        <translation>Или наведите камеру телефона на квадрат. Телефон откроет номер.</translation>
    </message>
    <message>
        <source>Back to the page</source>
        <translation>Назад на страницу</translation>
    </message>
</context>
<context>
    <name>FileChooser</name>
    <message>
        <source>From a USB stick</source>
        <translation>С флешки</translation>
    </message>
    <message>
        <source>Downloaded now</source>
        <translation>Скачано сейчас</translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation>Выбрано</translation>
    </message>
    <message>
        <source>Choose a file to attach</source>
        <translation>Выберите файл, который нужно приложить</translation>
    </message>
    <message>
        <source>Here are the files you downloaded during this visit. Tap a file, then press Attach.</source>
        <translation>Здесь файлы, которые вы скачали за это посещение. Нажмите на файл, потом нажмите «Приложить».</translation>
    </message>
    <message>
        <source>Here are the files you downloaded during this visit, and the files on your USB stick. Tap a file, then press Attach.</source>
        <translation>Здесь файлы, которые вы скачали за это посещение, и файлы с вашей флешки. Нажмите на файл, потом нажмите «Приложить».</translation>
    </message>
    <message>
        <source>There are no files here yet. First download the file on this computer, or ask the staff to scan your paper.</source>
        <translation>Здесь пока нет файлов. Сначала скачайте файл на этом компьютере или попросите сотрудников отсканировать ваш документ.</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Приложить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>GuidePanel</name>
    <message>
        <source>Stop reading</source>
        <translation>Остановить чтение</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Прочитать вслух</translation>
    </message>
    <message>
        <source>Before you start, you need:</source>
        <translation>Перед началом вам нужно:</translation>
    </message>
    <message>
        <source>What happens next</source>
        <translation>Что будет дальше</translation>
    </message>
    <message>
        <source>Step {number} of {total}</source>
        <translation>Шаг {number} из {total}</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начать</translation>
    </message>
    <message>
        <source>Next tip</source>
        <translation>Следующая подсказка</translation>
    </message>
    <message>
        <source>This service is in {language}. The guide names its buttons in {language}.</source>
        <translation>Эта услуга на языке: {language}. Инструкция называет её кнопки так же: {language}.</translation>
    </message>
    <message>
        <source>Previous tip</source>
        <translation>Предыдущая подсказка</translation>
    </message>
    <message>
        <source>Done — back to services</source>
        <translation>Готово — к списку услуг</translation>
    </message>
    <message>
        <source>The button is further down the page: scroll the page down to find it.</source>
        <translation>Кнопка ниже на странице. Прокрутите страницу вниз, чтобы найти её.</translation>
    </message>
    <message>
        <source>This guide is not available in your language. It is shown in {language}.</source>
        <translation>Этой инструкции нет на вашем языке. Язык инструкции: {language}.</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>финский</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>шведский</translation>
    </message>
    <message>
        <source>English</source>
        <translation>английский</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Good. Go on with the page.</source>
        <translation>Хорошо. Продолжайте на странице.</translation>
    </message>
    <message>
        <source>That is all right. A digital supporter can help you.</source>
        <translation>Ничего страшного. Помощник может вам помочь.</translation>
    </message>
    <message>
        <source>Call digital support</source>
        <translation>Помощь</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Please check the phone number: it has 5 to 15 digits.</source>
        <translation>Проверьте номер телефона: в нём от 5 до 15 цифр.</translation>
    </message>
    <message>
        <source>Call digital support</source>
        <translation>Помощь</translation>
    </message>
    <message>
        <source>What do you need help with?</source>
        <translation>С чем вам нужна помощь?</translation>
    </message>
    <message>
        <source>Logging in</source>
        <translation>Вход на сайт</translation>
    </message>
    <message>
        <source>A form or application</source>
        <translation>Анкета или заявление</translation>
    </message>
    <message>
        <source>Printing or scanning</source>
        <translation>Печать или сканирование</translation>
    </message>
    <message>
        <source>The computer itself</source>
        <translation>Сам компьютер</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Другое</translation>
    </message>
    <message>
        <source>Do you want us to call you? Write your phone number (you can leave it empty).</source>
        <translation>Хотите, чтобы вам позвонили? Напишите свой номер телефона (можно оставить пустым).</translation>
    </message>
    <message>
        <source>for example 040 123 4567</source>
        <translation>например 040 123 4567</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>Help requests are not in use on this computer. Please ask the staff.</source>
        <translation>Здесь нельзя отправить просьбу о помощи. Спросите сотрудников.</translation>
    </message>
    <message>
        <source>The connection to the staff is down right now. Your request will reach them when the connection is back.</source>
        <translation>Связи с сотрудниками сейчас нет. Ваша просьба дойдёт до них, когда связь вернётся.</translation>
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
        <translation>Помощь идёт. Пожалуйста, подождите здесь.</translation>
    </message>
    <message>
        <source>Your page is kept as it was. You can go back to it at any time.</source>
        <translation>Ваша страница сохранена как была. Вы можете вернуться к ней в любой момент.</translation>
    </message>
    <message>
        <source>Back to my page</source>
        <translation>Вернуться к моей странице</translation>
    </message>
    <message>
        <source>I don&apos;t need help any more</source>
        <translation>Мне больше не нужна помощь</translation>
    </message>
    <message>
        <source>Cancel the request? You will lose your place in line.</source>
        <translation>Отменить просьбу? Вы потеряете своё место в очереди.</translation>
    </message>
    <message>
        <source>Yes, cancel</source>
        <translation>Да, отменить</translation>
    </message>
    <message>
        <source>No, keep it</source>
        <translation>Нет, оставить</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>What do you want to do today?</source>
        <translation>Что вы хотите сделать сегодня?</translation>
    </message>
    <message>
        <source>Tap a tile. A guide beside the page shows you each step.</source>
        <translation>Нажмите на плитку. Инструкция рядом со страницей покажет каждый шаг.</translation>
    </message>
    <message>
        <source>No guides are installed on this computer. Staff: run &apos;kiosk guides check&apos; to see why, then restart the kiosk.</source>
        <translation>На этом компьютере нет инструкций. Для сотрудников: запустите &apos;kiosk guides check&apos;, чтобы узнать причину, потом перезапустите киоск.</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <source>Time left: {time}</source>
        <translation>Осталось времени: {time}</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>Вы ещё здесь?</translation>
    </message>
    <message>
        <source>When the time runs out, everything you did here is erased. Touch the screen to continue.</source>
        <translation>Когда время кончится, всё, что вы здесь делали, будет стёрто. Коснитесь экрана, чтобы продолжить.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Продолжить</translation>
    </message>
</context>
<context>
    <name>InfoPage</name>
    <message>
        <source>Call digital support</source>
        <translation>Помощь</translation>
    </message>
</context>
<context>
    <name>LanguageChooser</name>
    <message>
        <source>Choose your language</source>
        <translation>Выберите язык</translation>
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
        <translation>Выйти из этой услуги?</translation>
    </message>
    <message>
        <source>The page closes, and what you have filled in on it is lost. You can open the service again from All services.</source>
        <translation>Страница закроется, и то, что вы заполнили, пропадёт. Вы можете снова открыть услугу в разделе «Все услуги».</translation>
    </message>
    <message>
        <source>No, stay here</source>
        <translation>Нет, остаться здесь</translation>
    </message>
    <message>
        <source>Yes, show all services</source>
        <translation>Да, показать все услуги</translation>
    </message>
</context>
<context>
    <name>NoticeCard</name>
    <message>
        <source>This file cannot be saved on this computer</source>
        <extracomment>What the visitor is told for each refused download (a test checks every one has one).</extracomment>
        <translation>Этот файл нельзя сохранить на этом компьютере</translation>
    </message>
    <message>
        <source>It is a program. Programs cannot be started here, to keep this computer safe for everyone.</source>
        <translation>Это программа. Здесь нельзя запускать программы, чтобы компьютер был безопасным для всех.</translation>
    </message>
    <message>
        <source>It is a packed file (such as .zip). Packed files cannot be opened here. Ask the service for a PDF instead.</source>
        <translation>Это сжатый файл (например, .zip). Здесь нельзя открывать сжатые файлы. Попросите у службы файл PDF.</translation>
    </message>
    <message>
        <source>This computer saves only documents and pictures, such as PDF files and photos.</source>
        <translation>На этом компьютере можно сохранять только документы и картинки, например файлы PDF и фото.</translation>
    </message>
    <message>
        <source>The file is not what its name says. It was thrown away, to be safe.</source>
        <translation>Файл не такой, как говорит его имя. Для безопасности он удалён.</translation>
    </message>
    <message>
        <source>The file is too big for this computer.</source>
        <translation>Файл слишком большой для этого компьютера.</translation>
    </message>
    <message>
        <source>The page cannot be saved</source>
        <translation>Страницу нельзя сохранить</translation>
    </message>
    <message>
        <source>You can print the page instead: press Print.</source>
        <translation>Вместо этого можно распечатать страницу: нажмите «Печать».</translation>
    </message>
    <message>
        <source>The file is saved for this visit</source>
        <translation>Файл сохранён до конца посещения</translation>
    </message>
    <message>
        <source>It cannot be shown on this computer, but you can attach it to an application. It is deleted when you end the session.</source>
        <translation>Его нельзя показать на этом компьютере, но его можно приложить к заявлению. Он будет удалён, когда вы закончите.</translation>
    </message>
    <message>
        <source>The file cannot be shown</source>
        <translation>Файл нельзя показать</translation>
    </message>
    <message>
        <source>The file is damaged or in a form this computer cannot show.</source>
        <translation>Файл повреждён или в таком формате, который этот компьютер не может показать.</translation>
    </message>
    <message>
        <source>This page is not safe to open</source>
        <translation>Эту страницу открывать небезопасно</translation>
    </message>
    <message>
        <source>The page&apos;s safety certificate is not valid, so someone could read what you send. The kiosk did not open it. Try again later, or ask for help.</source>
        <translation>У страницы неправильный сертификат безопасности, поэтому кто-то может прочитать то, что вы отправляете. Компьютер не открыл её. Попробуйте позже или попросите помощи.</translation>
    </message>
    <message>
        <source>Passkeys cannot be used here</source>
        <translation>Ключи доступа здесь использовать нельзя</translation>
    </message>
    <message>
        <source>This computer is shared, so passkeys and security keys are not used. Choose another way to log in, such as bank codes or a mobile certificate.</source>
        <translation>Этим компьютером пользуются многие люди, поэтому ключи доступа и ключи безопасности не используются. Выберите другой способ входа, например банковские коды или мобильный сертификат (mobiilivarmenne).</translation>
    </message>
    <message>
        <source>Folders cannot be chosen here</source>
        <translation>Здесь нельзя выбирать папки</translation>
    </message>
    <message>
        <source>Choose one file at a time instead.</source>
        <translation>Выбирайте по одному файлу.</translation>
    </message>
    <message>
        <source>Too many windows</source>
        <translation>Слишком много окон</translation>
    </message>
    <message>
        <source>The page tried to open many new windows. Close the open window first.</source>
        <translation>Страница пыталась открыть много новых окон. Сначала закройте открытое окно.</translation>
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
        <translation>Помощь</translation>
    </message>
</context>
<context>
    <name>OfflinePage</name>
    <message>
        <source>The page could not be opened</source>
        <translation>Не удалось открыть страницу</translation>
    </message>
    <message>
        <source>There may be no internet connection right now, or the service is not answering. Wait a moment and press Try again.</source>
        <translation>Возможно, сейчас нет интернета или сервис не отвечает. Подождите немного и нажмите «Попробовать снова».</translation>
    </message>
    <message>
        <source>If this keeps happening, tell the staff.</source>
        <translation>Если это повторяется, скажите сотрудникам.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Попробовать снова</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Все услуги</translation>
    </message>
</context>
<context>
    <name>OutcomeQuestion</name>
    <message>
        <source>Did you get it done?</source>
        <translation>Удалось сделать то, что вы хотели?</translation>
    </message>
    <message>
        <source>One tap is enough. Your answer is only counted, together with everyone else&apos;s; nobody sees it was yours.</source>
        <translation>Достаточно одного нажатия. Ваш ответ только подсчитывается вместе с ответами других; никто не узнает, что он ваш.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>Partly</source>
        <translation>Частично</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Пропустить</translation>
    </message>
</context>
<context>
    <name>PageCrashedPage</name>
    <message>
        <source>This page stopped working</source>
        <translation>Эта страница перестала работать</translation>
    </message>
    <message>
        <source>The page closed unexpectedly. Press Try again to open it again. If you were filling in a form, check what you typed.</source>
        <translation>Страница неожиданно закрылась. Нажмите «Попробовать снова», чтобы открыть её снова. Если вы заполняли форму, проверьте, что вы написали.</translation>
    </message>
    <message>
        <source>If this keeps happening, tell the staff.</source>
        <translation>Если это повторяется, скажите сотрудникам.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Попробовать снова</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>На главную</translation>
    </message>
</context>
<context>
    <name>PopupHost</name>
    <message>
        <source>The page opened a new window. When you are done with it, close it.</source>
        <translation>Страница открыла новое окно. Когда закончите с ним, закройте его.</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Закрыть это окно</translation>
    </message>
</context>
<context>
    <name>PrintPageButton</name>
    <message>
        <source>Print</source>
        <translation>Печать</translation>
    </message>
    <message>
        <source>Print this page</source>
        <translation>Распечатать эту страницу</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Page {number} of {total}</source>
        <extracomment>The page is drawn as wide as this at least: a letter&apos;s 12-point text comes out at about 14 px, readable (the page scrolls for its lower part).</extracomment>
        <translation>Страница {number} из {total}</translation>
    </message>
    <message>
        <source>Pages: {pages}</source>
        <translation>Страниц: {pages}</translation>
    </message>
    <message>
        <source>Printing is not available on this computer.</source>
        <translation>На этом компьютере нельзя печатать.</translation>
    </message>
    <message>
        <source>You have printed {limit} pages. That is the most one visit can print. Ask the staff if you need more.</source>
        <translation>Вы уже распечатали страниц: {limit}. Больше за одно посещение нельзя. Если нужно больше, спросите сотрудников.</translation>
    </message>
    <message>
        <source>This would be {sheets} pages. You can print {remaining} more pages.</source>
        <translation>Здесь страниц: {sheets}. Вы можете распечатать ещё только: {remaining}.</translation>
    </message>
    <message>
        <source>This prints {sheets} pages. You can still print {remaining} pages on this visit.</source>
        <translation>Будет напечатано страниц: {sheets}. За это посещение можно напечатать ещё страниц: {remaining}.</translation>
    </message>
    <message>
        <source>Printing. Fetch your papers from the printer.</source>
        <translation>Идёт печать. Заберите бумаги из принтера.</translation>
    </message>
    <message>
        <source>The printer is not ready. Ask the staff for help.</source>
        <translation>Принтер не готов. Попросите помощи у сотрудников.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Печать</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Предыдущая страница</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Следующая страница</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Копии</translation>
    </message>
    <message>
        <source>Fewer copies</source>
        <translation>Меньше копий</translation>
    </message>
    <message>
        <source>More copies</source>
        <translation>Больше копий</translation>
    </message>
</context>
<context>
    <name>ScreenShare</name>
    <message>
        <source>Paused: identification in progress. The guide is still visible.</source>
        <translation>Пауза: идёт идентификация. Инструкция по-прежнему видна.</translation>
    </message>
    <message>
        <source>Paused: the visitor is typing a password.</source>
        <translation>Пауза: посетитель вводит пароль.</translation>
    </message>
</context>
<context>
    <name>ServiceView</name>
    <message>
        <source>Practice pages: not a real service</source>
        <translation>Учебные страницы: это не настоящий сервис</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Все услуги</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <source>You are proving who you are. Going back now would break it. To stop, press Cancel on the page.</source>
        <translation>Сейчас вы подтверждаете свою личность. Кнопка «Назад» прервёт это. Чтобы остановить, нажмите на странице «Keskeytä» (или «Cancel»).</translation>
    </message>
</context>
<context>
    <name>ShareBanner</name>
    <message>
        <source>Someone</source>
        <translation>Кто-то</translation>
    </message>
    <message>
        <source>{name} from digital support sees your screen. They cannot press anything.</source>
        <translation>{name} из цифровой поддержки видит ваш экран. Нажимать ничего не может.</translation>
    </message>
    <message>
        <source>The page is hidden from {name} while you type a password.</source>
        <translation>{name} не видит страницу, пока вы вводите пароль.</translation>
    </message>
    <message>
        <source>The identification page is hidden from {name}.</source>
        <translation>{name} не видит страницу идентификации.</translation>
    </message>
    <message>
        <source>Sharing stops in {minutes} min.</source>
        <translation>Показ экрана закончится через {minutes} мин.</translation>
    </message>
    <message>
        <source>Keep sharing</source>
        <translation>Продолжить показ</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>Остановить показ</translation>
    </message>
</context>
<context>
    <name>ShareConsent</name>
    <message>
        <source>Someone</source>
        <translation>Кто-то</translation>
    </message>
    <message>
        <source>{name} from digital support would like to see your screen.</source>
        <translation>{name} из цифровой поддержки хочет увидеть ваш экран.</translation>
    </message>
    <message>
        <source>They cannot press anything. Passwords and bank pages are never shown. You can stop sharing at any time.</source>
        <translation>Нажимать ничего не сможет. Пароли и страницы банка никогда не показываются. Вы можете остановить показ в любой момент.</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>Разрешить</translation>
    </message>
</context>
<context>
    <name>StaffNotice</name>
    <message>
        <source>Staff will end this session in {seconds} s.</source>
        <translation>Сотрудники завершат этот сеанс через {seconds} с.</translation>
    </message>
    <message>
        <source>Staff will close this computer for maintenance in {seconds} s.</source>
        <translation>Сотрудники закроют этот компьютер на обслуживание через {seconds} с.</translation>
    </message>
    <message>
        <source>Staff will restart this computer in {seconds} s.</source>
        <translation>Сотрудники перезапустят этот компьютер через {seconds} с.</translation>
    </message>
    <message>
        <source>Everything you did here will be erased. Write down what you need now, or ask staff.</source>
        <translation>Всё, что вы здесь делали, будет стёрто. Запишите то, что вам нужно, сейчас или спросите сотрудников.</translation>
    </message>
</context>
<context>
    <name>StatusBanner</name>
    <message>
        <source>Your request is saved. It will reach the staff when the connection is back.</source>
        <translation>Ваша просьба сохранена. Она дойдёт до сотрудников, когда связь вернётся.</translation>
    </message>
    <message>
        <source>Sending your request…</source>
        <translation>Отправляем вашу просьбу…</translation>
    </message>
    <message>
        <source>Your request is in line. You are next.</source>
        <translation>Ваша просьба в очереди. Ваша очередь — следующая.</translation>
    </message>
    <message>
        <source>Your request is in line. You are number {position}.</source>
        <translation>Ваша просьба в очереди. Ваш номер в очереди: {position}.</translation>
    </message>
    <message>
        <source>Your request is in line.</source>
        <translation>Ваша просьба в очереди.</translation>
    </message>
    <message>
        <source>A digital supporter has seen your request.</source>
        <translation>Помощник увидел вашу просьбу.</translation>
    </message>
    <message>
        <source>Someone is coming to help you in about {minutes} minutes.</source>
        <translation>К вам подойдут примерно через {minutes} мин.</translation>
    </message>
    <message>
        <source>Someone is coming to help you.</source>
        <translation>К вам подойдут и помогут.</translation>
    </message>
    <message>
        <source>A digital supporter will call you.</source>
        <translation>Помощник вам позвонит.</translation>
    </message>
    <message>
        <source>Done. Thank you!</source>
        <translation>Готово. Спасибо!</translation>
    </message>
    <message>
        <source>Your request was cancelled.</source>
        <translation>Ваша просьба отменена.</translation>
    </message>
    <message>
        <source>Your number is {code}.</source>
        <translation>Ваш номер: {code}.</translation>
    </message>
    <message>
        <source>Helper: {name}</source>
        <translation>Помощник: {name}</translation>
    </message>
    <message>
        <source>Message from the staff: {message}</source>
        <translation>Сообщение от сотрудников: {message}</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>Отменить просьбу</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel the request? You will lose your place in line.</source>
        <translation>Отменить просьбу? Вы потеряете своё место в очереди.</translation>
    </message>
    <message>
        <source>Yes, cancel</source>
        <translation>Да, отменить</translation>
    </message>
    <message>
        <source>No, keep it</source>
        <translation>Нет, оставить</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Smaller text</source>
        <translation>Текст мельче</translation>
    </message>
    <message>
        <source>Bigger text</source>
        <translation>Текст крупнее</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>Контраст</translation>
    </message>
    <message>
        <source>Strong colours on or off</source>
        <translation>Включить или выключить яркие цвета</translation>
    </message>
    <message>
        <source>Call digital support</source>
        <translation>Помощь</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>Закончить</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Другие языки</translation>
    </message>
</context>
<context>
    <name>WebDialog</name>
    <message>
        <source>The page says</source>
        <translation>Страница сообщает</translation>
    </message>
    <message>
        <source>The page asks</source>
        <translation>Страница спрашивает</translation>
    </message>
    <message>
        <source>The page asks you to write</source>
        <translation>Страница просит написать</translation>
    </message>
    <message>
        <source>Leave this page?</source>
        <translation>Уйти со страницы?</translation>
    </message>
    <message>
        <source>The page asks for a user name and password</source>
        <translation>Страница просит имя пользователя и пароль</translation>
    </message>
    <message>
        <source>Page: {address}</source>
        <translation>Страница: {address}</translation>
    </message>
    <message>
        <source>If you leave, what you wrote on this page may be lost.</source>
        <translation>Если вы уйдёте, то, что вы написали на этой странице, может пропасть.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Уйти</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Остаться</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
</TS>
