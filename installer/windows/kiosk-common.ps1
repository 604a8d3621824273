# Shared by setup.ps1 and uninstall.ps1 (dot-sourced). Names, paths and the one function
# that writes the registry (tests/installer/test_windows.py checks every key it is given).

$ProductKey = 'HKLM:\SOFTWARE\DigitukiKiosk'
$KioskUser = 'kiosk'
$HiveMount = 'HKU\DigitukiKiosk'
$DataRoot = Join-Path $env:ProgramData 'DigitukiKiosk'
$AdminStateDir = Join-Path $DataRoot 'admin'
$SettingsFile = Join-Path $DataRoot 'kiosk.toml'
$AdminService = 'DigitukiKioskAdmin'

function Stop-Setup([string]$Message) {
    Write-Host ''
    Write-Host "STOPPED: $Message" -ForegroundColor Red
    exit 1
}

# Every registry value the set-up writes goes through here, with literal arguments.
function Set-KioskValue {
    param(
        [Parameter(Mandatory)][string]$Key,
        [Parameter(Mandatory)][string]$Name,
        [Parameter(Mandatory)]$Value,
        [ValidateSet('DWord', 'String')][string]$Type = 'DWord'
    )
    if (-not (Test-Path -LiteralPath $Key)) { New-Item -Path $Key -Force | Out-Null }
    New-ItemProperty -LiteralPath $Key -Name $Name -Value $Value -PropertyType $Type -Force | Out-Null
}

function Remove-KioskValue {
    param([Parameter(Mandatory)][string]$Key, [Parameter(Mandatory)][string]$Name)
    if (Test-Path -LiteralPath $Key) {
        Remove-ItemProperty -LiteralPath $Key -Name $Name -ErrorAction SilentlyContinue
    }
}

# The automatic log-on password as an LSA secret (as Sysinternals Autologon stores it),
# never as the plain-text Winlogon DefaultPassword value.
Add-Type -Language CSharp -TypeDefinition @'
using System;
using System.Runtime.InteropServices;
public static class DigitukiLsa {
    [StructLayout(LayoutKind.Sequential)]
    struct LSA_UNICODE_STRING { public ushort Length; public ushort MaximumLength; public IntPtr Buffer; }
    [StructLayout(LayoutKind.Sequential)]
    struct LSA_OBJECT_ATTRIBUTES { public int Length; public IntPtr RootDirectory; public IntPtr ObjectName; public uint Attributes; public IntPtr SecurityDescriptor; public IntPtr SecurityQualityOfService; }
    [DllImport("advapi32.dll")] static extern uint LsaOpenPolicy(IntPtr system, ref LSA_OBJECT_ATTRIBUTES attributes, uint access, out IntPtr handle);
    [DllImport("advapi32.dll")] static extern uint LsaStorePrivateData(IntPtr handle, ref LSA_UNICODE_STRING key, IntPtr data);
    [DllImport("advapi32.dll")] static extern uint LsaClose(IntPtr handle);
    [DllImport("advapi32.dll")] static extern uint LsaNtStatusToWinError(uint status);
    static LSA_UNICODE_STRING Text(string value) {
        var text = new LSA_UNICODE_STRING();
        text.Buffer = Marshal.StringToHGlobalUni(value);
        text.Length = (ushort)(value.Length * 2);
        text.MaximumLength = (ushort)((value.Length + 1) * 2);
        return text;
    }
    // value == null removes the secret.
    public static void Store(string name, string value) {
        var attributes = new LSA_OBJECT_ATTRIBUTES();
        IntPtr policy;
        uint status = LsaOpenPolicy(IntPtr.Zero, ref attributes, 0x00000020, out policy);
        if (status != 0) throw new System.ComponentModel.Win32Exception((int)LsaNtStatusToWinError(status));
        try {
            var key = Text(name);
            IntPtr data = IntPtr.Zero;
            if (value != null) {
                var secret = Text(value);
                data = Marshal.AllocHGlobal(Marshal.SizeOf(secret));
                Marshal.StructureToPtr(secret, data, false);
            }
            status = LsaStorePrivateData(policy, ref key, data);
            if (status != 0) throw new System.ComponentModel.Win32Exception((int)LsaNtStatusToWinError(status));
        } finally { LsaClose(policy); }
    }
}
public static class DigitukiProfile {
    [DllImport("userenv.dll", CharSet = CharSet.Unicode)]
    public static extern int CreateProfile(string sid, string name, System.Text.StringBuilder path, uint size);
    [DllImport("kernel32.dll")]
    public static extern bool IsProcessorFeaturePresent(uint feature);
}
'@
