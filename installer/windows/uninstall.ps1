# Undoes setup.ps1: no automatic log-on, no kiosk user or its settings, no admin
# verifier service, the power button back to "shut down". Run by the uninstaller (as an
# administrator); works after a half-finished set-up too, and can be run twice.
#Requires -RunAsAdministrator
[CmdletBinding()]
param()
$ErrorActionPreference = 'Continue'
. (Join-Path $PSScriptRoot 'kiosk-common.ps1')

$user = Get-LocalUser -Name $KioskUser -ErrorAction SilentlyContinue
$createdUser = (Get-ItemProperty -LiteralPath $ProductKey -ErrorAction SilentlyContinue).CreatedUser -eq 1
$shellLauncher = (Get-ItemProperty -LiteralPath $ProductKey -ErrorAction SilentlyContinue).ShellLauncher -eq 1

# Automatic log-on off, and its LSA secret gone.
Set-KioskValue -Key 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon' -Name 'AutoAdminLogon' -Value '0' -Type String
Remove-KioskValue -Key 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon' -Name 'DefaultUserName'
Remove-KioskValue -Key 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon' -Name 'DefaultPassword'
Remove-KioskValue -Key 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System' -Name 'HideFastUserSwitching'
try { [DigitukiLsa]::Store('DefaultPassword', $null) } catch { Write-Verbose 'no LSA secret to remove' }

if ($shellLauncher -and $user) {
    try {
        $launcher = [wmiclass]'\\.\root\standardcimv2\embedded:WESL_UserSetting'
        $launcher.RemoveCustomShell($user.SID.Value) | Out-Null
    } catch { Write-Warning 'Shell Launcher could not be told to forget the kiosk user.' }
}

$service = Get-Service -Name $AdminService -ErrorAction SilentlyContinue
if ($service) {
    Stop-Service -Name $AdminService -Force -ErrorAction SilentlyContinue
    sc.exe delete $AdminService | Out-Null
}

if ($user -and $createdUser) {
    # The user's own settings (shell, policies) go with its profile.
    Get-CimInstance Win32_UserProfile | Where-Object { $_.SID -eq $user.SID.Value } | Remove-CimInstance
    Remove-LocalUser -Name $KioskUser
}

powercfg /setacvalueindex SCHEME_CURRENT SUB_BUTTONS PBUTTONACTION 3
powercfg /setdcvalueindex SCHEME_CURRENT SUB_BUTTONS PBUTTONACTION 3
powercfg /setactive SCHEME_CURRENT

Remove-Item -LiteralPath $DataRoot -Recurse -Force -ErrorAction SilentlyContinue
Remove-Item -LiteralPath $ProductKey -Recurse -Force -ErrorAction SilentlyContinue
Write-Host 'The kiosk is removed. Restart the PC to get the sign-in screen back.'
exit 0
