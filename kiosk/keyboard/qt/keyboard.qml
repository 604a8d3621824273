// The kiosk's on-screen keyboard: Qt Virtual Keyboard's InputPanel, docked by the kiosk
// at the bottom of its window (kiosk/keyboard/qt/panel.py). It learns nothing: no word
// prediction, no dictionary, its user data in the session folder, reset at every wipe.
import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

Rectangle {
    id: root
    // Set by the kiosk: the layout, the layouts the language key offers, the look.
    property string layout: "en_GB"
    property var layouts: ["en_GB"]
    property int maxKeysHeight: 280
    property color edge: "#5c6670"
    property string userData: ""
    // Read by the kiosk.
    readonly property bool active: panel.active
    readonly property int panelHeight: panel.height
    readonly property string activeLocale: InputContext.locale
    readonly property string settingsLocale: VirtualKeyboardSettings.locale
    readonly property string preedit: InputContext.preeditText
    readonly property bool shiftOn: InputContext.shiftActive
    readonly property bool capsLockOn: InputContext.capsLockActive

    color: "#202326"

    Rectangle {
        // A line over the keys, in the kiosk's colours (high contrast too).
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: 3
        color: root.edge
        z: 1
    }

    InputPanel {
        id: panel
        objectName: "input-panel"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
    }

    Binding {
        target: panel.keyboard.style
        when: panel.keyboard.style !== null
        property: "keyboardDesignMaximumHeight"
        value: root.maxKeysHeight
    }

    function applySettings() {
        // Prediction off and nothing kept: every field is treated as sensitive.
        VirtualKeyboardSettings.inputMethodHints = Qt.ImhNoPredictiveText | Qt.ImhSensitiveData
        VirtualKeyboardSettings.defaultDictionaryDisabled = true
        VirtualKeyboardSettings.handwritingModeDisabled = true
        VirtualKeyboardSettings.wordCandidateList.autoCommitWord = false
        VirtualKeyboardSettings.activeLocales = root.layouts
        VirtualKeyboardSettings.locale = root.layout
    }

    onLayoutChanged: VirtualKeyboardSettings.locale = root.layout
    onLayoutsChanged: VirtualKeyboardSettings.activeLocales = root.layouts
    onUserDataChanged: VirtualKeyboardSettings.userDataPath = root.userData
    readonly property string userDataInUse: VirtualKeyboardSettings.userDataPath
    Component.onCompleted: applySettings()

    // The wipe: hide, drop the pre-edit text and the input method's state and user data,
    // and let go of shift and caps lock (the next visitor's first letters would be
    // capitals). The shift key's own toggle: caps lock off, then shift off; its timer
    // cleared so that two toggles are not taken for a double tap (caps lock on).
    function forget() {
        InputContext.priv.hideInputPanel()
        InputContext.clear()
        const shift = InputContext.priv.shiftHandler
        shift.clearToggleShiftTimer()
        if (InputContext.capsLockActive)
            shift.toggleShift()
        shift.clearToggleShiftTimer()
        if (InputContext.shiftActive)
            shift.toggleShift()
        shift.clearToggleShiftTimer()
        VirtualKeyboardSettings.userDataReset()
        root.userData = ""
        VirtualKeyboardSettings.locale = root.layout
    }

    function hidePanel() {
        InputContext.priv.hideInputPanel()
    }

}
