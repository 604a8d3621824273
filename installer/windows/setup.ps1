# Digituki kiosk set-up for Windows 10/11 Pro (and Enterprise/Education), run as an
# administrator by the installer (kiosk.nsi) after it has copied the kiosk to InstallDir.
#
# A local standard user "kiosk" logs on by itself (its password kept as an LSA secret) and
# gets the kiosk as its shell ("kiosk supervise", per-user Winlogon Shell on Pro; Shell
# Launcher on Enterprise/Education), with policies that close Windows' own doors. The
# admin verifier runs as a LocalSystem service. It can be run again; uninstall.ps1 undoes
# it. It stops with a plain message, changing nothing, on a PC that cannot be a kiosk.
#Requires -RunAsAdministrator
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string]$InstallDir,
    [string]$Centre = '',
    [string]$HelpdeskUrl = '',
    [string]$PairingCode = '',
    [string]$PinFile = '',
    [ValidateSet('read-only', 'none')][string]$Usb = 'none',
    [switch]$CheckOnly
)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'kiosk-common.ps1')
$Program = Join-Path $InstallDir 'digituki-kiosk.exe'

# -- 1. Can this PC be a kiosk? ------------------------------------------------------------
if (-not [Environment]::Is64BitOperatingSystem) {
    Stop-Setup 'this is 32-bit Windows. The kiosk needs 64-bit Windows 10 or 11.'
}
$os = Get-CimInstance Win32_OperatingSystem
$sku = [int]$os.OperatingSystemSKU
# 4 Enterprise, 27 Enterprise N, 121 Education, 122 Education N, 48 Pro, 49 Pro N,
# 161 Pro for Workstations, 101 Home, 98 Home N, 100 Home single language.
$enterprise = @(4, 27, 121, 122, 125, 126) -contains $sku
$pro = @(48, 49, 161, 162, 164, 165) -contains $sku
if (-not ($enterprise -or $pro)) {
    Stop-Setup "this is $($os.Caption). Windows Home has no policies for a kiosk's own shell. Upgrade to Windows Pro (Settings > System > Activation), then run the installer again."
}
if ([int]$os.BuildNumber -lt 19041) {
    Stop-Setup "Windows $($os.Version) is too old. Update to Windows 10 version 2004 or newer."
}
# x86-64-v2: Qt 6 needs SSSE3, SSE4.1 and SSE4.2 (PF_* 36, 37, 38).
foreach ($feature in 36, 37, 38) {
    if (-not [DigitukiProfile]::IsProcessorFeaturePresent($feature)) {
        Stop-Setup 'this processor is too old for the kiosk (Qt 6 needs x86-64-v2). Use a newer PC.'
    }
}
$GiB = 1073741824  # (written out: the PowerShell grammar the tests parse with has no 1GB)
$memory = (Get-CimInstance Win32_ComputerSystem).TotalPhysicalMemory
if ($memory -lt 1.8 * $GiB) {
    Stop-Setup "this PC has $([math]::Round($memory / $GiB, 1)) GB of memory; the kiosk needs at least 2 GB (4 GB is better)."
}
$drive = Get-PSDrive -Name $InstallDir.Substring(0, 1)
if ($drive.Free -lt $GiB) {
    Stop-Setup 'the disk is too full: free at least 1 GB and run the installer again.'
}
if (-not (Test-Path -LiteralPath $Program)) {
    Stop-Setup "the kiosk was not found at $Program."
}
if ($HelpdeskUrl -and -not $PairingCode) {
    Stop-Setup 'a help desk needs its pairing code.'
}
$pin = ''
if ($PinFile) {
    $pin = (Get-Content -LiteralPath $PinFile -Raw).Trim()
    Remove-Item -LiteralPath $PinFile -Force
    if ($pin -notmatch '^[0-9]{6,12}$') { Stop-Setup 'the admin PIN must be 6 to 12 digits.' }
}
Write-Host 'This PC can be a kiosk.'
if ($CheckOnly) { exit 0 }

# Pair first: a wrong code stops here, with the machine as it was.
$paired = $null
if ($HelpdeskUrl) {
    $paired = Join-Path ([IO.Path]::GetTempPath()) ('digituki-pair-' + [guid]::NewGuid())
    $env:KIOSK_DATA_DIR = $paired
    & $Program pair $HelpdeskUrl $PairingCode
    $code = $LASTEXITCODE
    Remove-Item Env:\KIOSK_DATA_DIR
    if ($code -ne 0) {
        Remove-Item -LiteralPath $paired -Recurse -Force -ErrorAction SilentlyContinue
        Stop-Setup 'pairing with the help desk failed (see above): check the address and the code, or ask for a new code. Nothing was changed.'
    }
}

# -- 2. The kiosk user ------------------------------------------------------------------
Add-Type -AssemblyName System.Web
$password = [System.Web.Security.Membership]::GeneratePassword(32, 6)
$secure = ConvertTo-SecureString $password -AsPlainText -Force
$user = Get-LocalUser -Name $KioskUser -ErrorAction SilentlyContinue
if ($null -eq $user) {
    $user = New-LocalUser -Name $KioskUser -Password $secure -FullName 'Digituki kiosk' `
        -Description 'Digituki kiosk: logs on by itself, runs only the kiosk' `
        -PasswordNeverExpires -UserMayNotChangePassword -AccountNeverExpires
    Set-KioskValue -Key 'HKLM:\SOFTWARE\DigitukiKiosk' -Name 'CreatedUser' -Value 1
} else {
    Set-LocalUser -Name $KioskUser -Password $secure
}
$usersGroup = (Get-LocalGroup -SID 'S-1-5-32-545').Name
$adminsGroup = (Get-LocalGroup -SID 'S-1-5-32-544').Name
if (-not (Get-LocalGroupMember -Group $usersGroup -Member $KioskUser -ErrorAction SilentlyContinue)) {
    Add-LocalGroupMember -Group $usersGroup -Member $KioskUser
}
Remove-LocalGroupMember -Group $adminsGroup -Member $KioskUser -ErrorAction SilentlyContinue
$sid = $user.SID.Value

# Automatic log-on: the password as the LSA secret DefaultPassword, never in the registry.
[DigitukiLsa]::Store('DefaultPassword', $password)
$password = $null
Remove-KioskValue -Key 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon' -Name 'DefaultPassword'
Set-KioskValue -Key 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon' -Name 'AutoAdminLogon' -Value '1' -Type String
Set-KioskValue -Key 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon' -Name 'DefaultUserName' -Value 'kiosk' -Type String
Set-KioskValue -Key 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon' -Name 'DefaultDomainName' -Value $env:COMPUTERNAME -Type String
# No "switch user", no Ease of Access on the sign-in screen.
Set-KioskValue -Key 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System' -Name 'HideFastUserSwitching' -Value 1

# -- 3. Settings, data, the admin verifier -------------------------------------------------
New-Item -ItemType Directory -Force -Path $DataRoot, $AdminStateDir | Out-Null
$escape = { param($text) '"' + ($text -replace '\\', '\\' -replace '"', '\"') + '"' }
$allowUsb = if ($Usb -eq 'read-only') { 'true' } else { 'false' }
@(
    '# Digituki kiosk settings, written by the installer. See the README for every setting.',
    'config_version = 1',
    '',
    '[kiosk]',
    "centre_name = $(& $escape $Centre)",
    '',
    '[helpdesk]',
    "url = $(& $escape $HelpdeskUrl)",
    '',
    '[lockdown]',
    "allow_removable_media = $allowUsb"
) | Set-Content -LiteralPath $SettingsFile -Encoding utf8
# The settings: administrators change them, the kiosk user reads them.
icacls $SettingsFile /inheritance:r /grant:r '*S-1-5-18:F' '*S-1-5-32-544:F' "${KioskUser}:R" | Out-Null
# The admin verifier's state: SYSTEM and Administrators only; the kiosk user cannot read it.
icacls $AdminStateDir /inheritance:r /grant:r '*S-1-5-18:(OI)(CI)F' '*S-1-5-32-544:(OI)(CI)F' | Out-Null

$service = Get-Service -Name $AdminService -ErrorAction SilentlyContinue
if ($null -eq $service) {
    New-Service -Name $AdminService -DisplayName 'Digituki kiosk admin verifier' `
        -Description 'Keeps the kiosk admin PIN and one-time codes out of the kiosk user''s reach.' `
        -BinaryPathName "`"$Program`" admin verifier" -StartupType Automatic | Out-Null
}
Start-Service -Name $AdminService -ErrorAction SilentlyContinue
if ($pin) {
    $pin | & $Program admin set-pin | Out-Null
    if ($LASTEXITCODE -ne 0) {
        Write-Warning "the admin PIN could not be set by this kiosk version; set it later: `"$Program`" admin set-pin"
    }
    $pin = $null
}

# -- 4. The kiosk user's own settings: its shell and policies -----------------------------
$profilePath = New-Object System.Text.StringBuilder 260
$created = [DigitukiProfile]::CreateProfile($sid, $KioskUser, $profilePath, 260)
$profile = (Get-CimInstance Win32_UserProfile | Where-Object { $_.SID -eq $sid }).LocalPath
if (-not $profile) { Stop-Setup "the kiosk user's profile could not be created (code $created)." }
if ($paired) {
    $data = Join-Path $profile 'AppData\Local\DigitukiKiosk'
    New-Item -ItemType Directory -Force -Path $data | Out-Null
    Copy-Item -LiteralPath (Join-Path $paired 'private') -Destination $data -Recurse -Force
    Remove-Item -LiteralPath $paired -Recurse -Force
    icacls (Join-Path $data 'private') /inheritance:r /grant:r "${KioskUser}:(OI)(CI)F" '*S-1-5-18:(OI)(CI)F' | Out-Null
}
reg.exe load $HiveMount (Join-Path $profile 'NTUSER.DAT') | Out-Null
if ($LASTEXITCODE -ne 0) { Stop-Setup "the kiosk user's settings could not be opened (is the kiosk user signed in? sign it out)." }
try {
    $shell = "`"$Program`" supervise --config `"$SettingsFile`""
    if ($enterprise) {
        # Shell Launcher (Enterprise/Education only: on Pro it fails with "Class is not
        # licensed for use") and the Keyboard Filter.
        Enable-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher -All -NoRestart | Out-Null
        Enable-WindowsOptionalFeature -Online -FeatureName Client-KeyboardFilter -All -NoRestart | Out-Null
        $launcher = [wmiclass]'\\.\root\standardcimv2\embedded:WESL_UserSetting'
        $launcher.SetCustomShell($sid, $shell, $null, $null, 0) | Out-Null
        $launcher.SetEnabled($true) | Out-Null
        foreach ($keys in 'Win+L', 'Ctrl+Alt+Del', 'Ctrl+Shift+Esc', 'Windows', 'Alt+Tab', 'Win+Tab') {
            $filter = Get-CimInstance -Namespace root\standardcimv2\embedded -ClassName WEKF_PredefinedKey | Where-Object { $_.Id -eq $keys }
            if ($filter) { Set-CimInstance -InputObject $filter -Property @{ Enabled = $true } | Out-Null }
        }
        Set-KioskValue -Key 'HKLM:\SOFTWARE\DigitukiKiosk' -Name 'ShellLauncher' -Value 1
    } else {
        # Pro: the kiosk user's own Winlogon Shell; Explorer never starts for it.
        Set-KioskValue -Key 'Registry::HKEY_USERS\DigitukiKiosk\Software\Microsoft\Windows NT\CurrentVersion\Winlogon' -Name 'Shell' -Value $shell -Type String
    }
    # Ctrl+Alt+Del's screen: no Task Manager, lock, password change or sign-out.
    Set-KioskValue -Key 'Registry::HKEY_USERS\DigitukiKiosk\Software\Microsoft\Windows\CurrentVersion\Policies\System' -Name 'DisableTaskMgr' -Value 1
    Set-KioskValue -Key 'Registry::HKEY_USERS\DigitukiKiosk\Software\Microsoft\Windows\CurrentVersion\Policies\System' -Name 'DisableLockWorkstation' -Value 1
    Set-KioskValue -Key 'Registry::HKEY_USERS\DigitukiKiosk\Software\Microsoft\Windows\CurrentVersion\Policies\System' -Name 'DisableChangePassword' -Value 1
    Set-KioskValue -Key 'Registry::HKEY_USERS\DigitukiKiosk\Software\Microsoft\Windows\CurrentVersion\Policies\Explorer' -Name 'NoLogoff' -Value 1
    # No Windows keys, no AutoPlay, no Run, no Control Panel.
    Set-KioskValue -Key 'Registry::HKEY_USERS\DigitukiKiosk\Software\Microsoft\Windows\CurrentVersion\Policies\Explorer' -Name 'NoWinKeys' -Value 1
    Set-KioskValue -Key 'Registry::HKEY_USERS\DigitukiKiosk\Software\Microsoft\Windows\CurrentVersion\Policies\Explorer' -Name 'NoDriveTypeAutoRun' -Value 255
    Set-KioskValue -Key 'Registry::HKEY_USERS\DigitukiKiosk\Software\Microsoft\Windows\CurrentVersion\Policies\Explorer' -Name 'NoRun' -Value 1
    Set-KioskValue -Key 'Registry::HKEY_USERS\DigitukiKiosk\Software\Microsoft\Windows\CurrentVersion\Policies\Explorer' -Name 'NoControlPanel' -Value 1
    # Touch-screen edge swipes, notifications, the Print Screen snipping shortcut.
    Set-KioskValue -Key 'Registry::HKEY_USERS\DigitukiKiosk\Software\Policies\Microsoft\Windows\EdgeUI' -Name 'AllowEdgeSwipe' -Value 0
    Set-KioskValue -Key 'Registry::HKEY_USERS\DigitukiKiosk\Software\Microsoft\Windows\CurrentVersion\PushNotifications' -Name 'ToastEnabled' -Value 0
    Set-KioskValue -Key 'Registry::HKEY_USERS\DigitukiKiosk\Control Panel\Keyboard' -Name 'PrintScreenKeyForSnippingEnabled' -Value 0
    # Windows' own touch keyboard does not pop up over the kiosk: the kiosk has its own
    # on-screen keyboard (keyboard.on_screen), and Windows' often fails to appear for it.
    Set-KioskValue -Key 'Registry::HKEY_USERS\DigitukiKiosk\Software\Microsoft\TabletTip\1.7' -Name 'EnableDesktopModeAutoInvoke' -Value 0
    # Sticky, Filter and Toggle Keys: their shortcuts open Settings.
    Set-KioskValue -Key 'Registry::HKEY_USERS\DigitukiKiosk\Control Panel\Accessibility\StickyKeys' -Name 'Flags' -Value '506' -Type String
    Set-KioskValue -Key 'Registry::HKEY_USERS\DigitukiKiosk\Control Panel\Accessibility\Keyboard Response' -Name 'Flags' -Value '122' -Type String
    Set-KioskValue -Key 'Registry::HKEY_USERS\DigitukiKiosk\Control Panel\Accessibility\ToggleKeys' -Name 'Flags' -Value '58' -Type String
    # USB sticks: never written to or run from; not read at all with "none".
    Set-KioskValue -Key 'Registry::HKEY_USERS\DigitukiKiosk\Software\Policies\Microsoft\Windows\RemovableStorageDevices\{53f5630d-b6bf-11d0-94f2-00a0c91efb8b}' -Name 'Deny_Write' -Value 1
    Set-KioskValue -Key 'Registry::HKEY_USERS\DigitukiKiosk\Software\Policies\Microsoft\Windows\RemovableStorageDevices\{53f5630d-b6bf-11d0-94f2-00a0c91efb8b}' -Name 'Deny_Execute' -Value 1
    Set-KioskValue -Key 'Registry::HKEY_USERS\DigitukiKiosk\Software\Policies\Microsoft\Windows\RemovableStorageDevices\{53f5630d-b6bf-11d0-94f2-00a0c91efb8b}' -Name 'Deny_Read' -Value ([int]($Usb -eq 'none'))
} finally {
    [gc]::Collect()
    reg.exe unload $HiveMount | Out-Null
}

# -- 5. The machine: power button, sleep ----------------------------------------------------
powercfg /setacvalueindex SCHEME_CURRENT SUB_BUTTONS PBUTTONACTION 0
powercfg /setdcvalueindex SCHEME_CURRENT SUB_BUTTONS PBUTTONACTION 0
powercfg /change standby-timeout-ac 0
powercfg /setactive SCHEME_CURRENT
Set-KioskValue -Key 'HKLM:\SOFTWARE\DigitukiKiosk' -Name 'InstallDir' -Value $InstallDir -Type String

Write-Host ''
Write-Host 'The kiosk is set up. Restart the PC: it will start as the kiosk.'
Write-Host 'Checking the PC (kiosk doctor) ...'
& $Program doctor --config $SettingsFile
exit 0
