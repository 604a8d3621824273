; Digituki kiosk installer for Windows 10/11 (64-bit; Pro, Enterprise or Education).
; Builds on Linux with Debian's makensis:
;   makensis -DBUNDLE=dist/digituki-kiosk -DVERSION=0.1.0 -DOUTFILE=dist/digituki-kiosk-setup.exe installer/windows/kiosk.nsi
; It copies the kiosk to Program Files, asks the volunteer a few questions and runs
; setup.ps1 (the OS set-up); the uninstaller runs uninstall.ps1 and removes the files.

Unicode true
SetCompressor /SOLID lzma
RequestExecutionLevel admin

!ifndef BUNDLE
  !error "give the bundle folder: -DBUNDLE=dist/digituki-kiosk"
!endif
!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef OUTFILE
  !define OUTFILE "digituki-kiosk-setup.exe"
!endif

!include "MUI2.nsh"
!include "nsDialogs.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"

!define PRODUCT "Digituki kiosk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\DigitukiKiosk"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\DigitukiKiosk"
BrandingText "${PRODUCT} ${VERSION}"
ShowInstDetails show

Var Dialog
Var CentreField
Var HelpdeskField
Var CodeField
Var PinField
Var PinAgainField
Var UsbBox
Var Centre
Var Helpdesk
Var Code
Var Pin
Var Usb

!insertmacro MUI_PAGE_WELCOME
Page custom QuestionsPage QuestionsLeave
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "This is 32-bit Windows. The kiosk needs 64-bit Windows 10 or 11."
    Abort
  ${EndIf}
  SetRegView 64
FunctionEnd

Function QuestionsPage
  !insertmacro MUI_HEADER_TEXT "About this kiosk" "Answer a few questions. You can run the installer again later to change them."
  nsDialogs::Create 1018
  Pop $Dialog
  ${NSD_CreateLabel} 0 0 100% 10u "Name of the centre (shown on the start screen):"
  ${NSD_CreateText} 0 11u 100% 12u ""
  Pop $CentreField
  ${NSD_CreateLabel} 0 27u 100% 10u "Help desk address (empty: no help desk), and its pairing code:"
  ${NSD_CreateText} 0 38u 70% 12u "https://"
  Pop $HelpdeskField
  ${NSD_CreateText} 72% 38u 28% 12u ""
  Pop $CodeField
  ${NSD_CreateLabel} 0 54u 100% 10u "Admin PIN for staff (6 to 12 digits), twice:"
  ${NSD_CreatePassword} 0 65u 48% 12u ""
  Pop $PinField
  ${NSD_CreatePassword} 52% 65u 48% 12u ""
  Pop $PinAgainField
  ${NSD_CreateCheckbox} 0 83u 100% 12u "Visitors may attach files from a USB stick (read-only)"
  Pop $UsbBox
  nsDialogs::Show
FunctionEnd

Function QuestionsLeave
  ${NSD_GetText} $CentreField $Centre
  ${NSD_GetText} $HelpdeskField $Helpdesk
  ${NSD_GetText} $CodeField $Code
  ${NSD_GetText} $PinField $Pin
  ${NSD_GetText} $PinAgainField $0
  ${If} $Helpdesk == "https://"
    StrCpy $Helpdesk ""
  ${EndIf}
  ${If} $Pin != $0
    MessageBox MB_ICONEXCLAMATION "The two PINs differ. Type the same PIN twice."
    Abort
  ${EndIf}
  ${If} $Helpdesk != ""
  ${AndIf} $Code == ""
    MessageBox MB_ICONEXCLAMATION "A help desk needs its pairing code (ask the help desk for one)."
    Abort
  ${EndIf}
  ${NSD_GetState} $UsbBox $0
  ${If} $0 == ${BST_CHECKED}
    StrCpy $Usb "read-only"
  ${Else}
    StrCpy $Usb "none"
  ${EndIf}
FunctionEnd

Section "Digituki kiosk" SecKiosk
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*.*"
  SetOutPath "$INSTDIR\setup"
  File "setup.ps1"
  File "uninstall.ps1"
  File "kiosk-common.ps1"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "Digituki"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1

  ; The PIN goes to setup.ps1 in a file it deletes at once, never on a command line.
  FileOpen $1 "$PLUGINSDIR\pin.txt" w
  FileWrite $1 $Pin
  FileClose $1
  StrCpy $Pin ""
  DetailPrint "Setting up Windows for the kiosk ..."
  nsExec::ExecToLog 'powershell.exe -NoProfile -ExecutionPolicy Bypass -File "$INSTDIR\setup\setup.ps1" -InstallDir "$INSTDIR" -Centre "$Centre" -HelpdeskUrl "$Helpdesk" -PairingCode "$Code" -PinFile "$PLUGINSDIR\pin.txt" -Usb $Usb'
  Pop $0
  Delete "$PLUGINSDIR\pin.txt"
  ${If} $0 != 0
    MessageBox MB_ICONSTOP "The set-up stopped (see the messages above). Nothing of the kiosk's Windows settings was changed; the files are removed."
    RMDir /r "$INSTDIR"
    DeleteRegKey HKLM "${UNINSTALL_KEY}"
    Abort
  ${EndIf}
SectionEnd

Function un.onInit
  SetRegView 64
FunctionEnd

Section "Uninstall"
  nsExec::ExecToLog 'powershell.exe -NoProfile -ExecutionPolicy Bypass -File "$INSTDIR\setup\uninstall.ps1"'
  Pop $0
  RMDir /r "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
SectionEnd
