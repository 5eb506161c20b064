; Inno Setup 6 script: a Windows installer (setup.exe) for the one-folder bundle.
;
; build_installer.py runs it on Windows when Inno Setup's ISCC.exe is available:
;   iscc /DAppVersion=0.1.0 /DBundleDir=dist\posko /Odist packaging\posko.iss
; It installs per user (no administrator rights needed) into %LOCALAPPDATA%\Programs\Posko,
; adds Start-menu entries and an uninstaller. The desk's data (%LOCALAPPDATA%\posko) and its
; key in the Windows Credential Locker are NOT removed on uninstall: tickets must survive a
; reinstall or an upgrade.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\posko"
#endif

[Setup]
AppId={{6C1F4E2A-3B7D-4F0E-9A51-7D2C8B0E5A13}
AppName=Posko
AppVersion={#AppVersion}
AppPublisher=Posko developers
DefaultDirName={autopf}\Posko
DefaultGroupName=Posko
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputBaseFilename=posko-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\posko-desk.exe
WizardStyle=modern

[Languages]
; Inno Setup ships no Indonesian translation of its wizard; English it is.
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Posko"; Filename: "{app}\posko-desk.exe"
; A terminal in the install folder for the command line (`posko init ...`, `posko backup`).
Name: "{group}\Posko command line"; Filename: "{cmd}"; Parameters: "/k cd /d ""{app}"" && posko --help"
Name: "{group}\Uninstall Posko"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Posko"; Filename: "{app}\posko-desk.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

