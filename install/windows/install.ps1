<#
.SYNOPSIS
  Registers prepost-host with Chrome, Edge and Firefox on Windows.
.DESCRIPTION
  Copies prepost-host.exe and the lexicons to the install folder, writes the
  native-messaging manifests beside it, and points each browser at them
  through the registry: HKLM for all users (run as administrator), HKCU for
  the current user (-CurrentUser). Both the 64-bit and the 32-bit registry
  views are written for HKLM, since a 32-bit browser reads the other one.
  -Uninstall removes what it added. Reviewed, not run, in this project's CI.
#>
param(
  [string]$Source = $PSScriptRoot,
  [string]$InstallDir = "$env:ProgramFiles\prepost",
  [switch]$CurrentUser,
  [switch]$Uninstall,
  [string[]]$ExtensionIds = @('ambkoilcalefbmcblijdggdlejkennoc'),
  [string]$FirefoxId = 'prepost@prepost.org'
)
$ErrorActionPreference = 'Stop'
$name = 'org.prepost.host'
if ($CurrentUser) { $InstallDir = "$env:LOCALAPPDATA\prepost"; $hive = 'HKCU:' } else { $hive = 'HKLM:' }
$keys = @(
  "SOFTWARE\Google\Chrome\NativeMessagingHosts\$name",
  "SOFTWARE\Microsoft\Edge\NativeMessagingHosts\$name",
  "SOFTWARE\Mozilla\NativeMessagingHosts\$name"
)
$views = if ($CurrentUser) { @('') } else { @('', 'WOW6432Node\') }

if ($Uninstall) {
  foreach ($view in $views) { foreach ($k in $keys) {
    $path = "$hive\" + $k.Replace('SOFTWARE\', "SOFTWARE\$view")
    if (Test-Path $path) { Remove-Item $path -Force; Write-Host "removed $path" }
  } }
  if (Test-Path $InstallDir) { Remove-Item $InstallDir -Recurse -Force; Write-Host "removed $InstallDir" }
  exit 0
}

New-Item -ItemType Directory -Force -Path $InstallDir | Out-Null
Copy-Item "$Source\prepost-host.exe" $InstallDir -Force
Copy-Item "$Source\lexicons" $InstallDir -Recurse -Force
$hostExe = Join-Path $InstallDir 'prepost-host.exe'
$origins = $ExtensionIds | ForEach-Object { "chrome-extension://$_/" }
$chromium = [ordered]@{ name = $name; description = "prepost: checks social-media drafts against the school's policy";
  path = $hostExe; type = 'stdio'; allowed_origins = @($origins) }
$firefox = [ordered]@{ name = $name; description = $chromium.description; path = $hostExe; type = 'stdio';
  allowed_extensions = @($FirefoxId) }
$chromiumManifest = Join-Path $InstallDir "$name.json"
$firefoxManifest = Join-Path $InstallDir "$name.firefox.json"
$chromium | ConvertTo-Json | Set-Content -Encoding UTF8 $chromiumManifest
$firefox | ConvertTo-Json | Set-Content -Encoding UTF8 $firefoxManifest

foreach ($view in $views) {
  foreach ($k in $keys) {
    $path = "$hive\" + $k.Replace('SOFTWARE\', "SOFTWARE\$view")
    New-Item -Force -Path $path | Out-Null
    $manifest = if ($k -like '*Mozilla*') { $firefoxManifest } else { $chromiumManifest }
    Set-Item -Path $path -Value $manifest
    Write-Host "$path -> $manifest"
  }
}
Write-Host "Done. Check with: & '$hostExe' doctor"
