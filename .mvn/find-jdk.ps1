# Ferrum's JDK finder for mvnw.cmd: the Windows twin of .mvn/find-jdk.sh (same order, same minimum).
# Prints "JAVA_HOME=<dir>" for mvnw.cmd's batch part to set, or fails with what it looked at.
$ferrumMinJava = 25
function Get-FerrumJavaMajor($home_) {
  $release = Join-Path $home_ 'release'
  if (Test-Path $release) {
    $m = Select-String -Path $release -Pattern '^JAVA_VERSION="?(\d+)' | Select-Object -First 1
    if ($m) { return [int]$m.Matches[0].Groups[1].Value }
  }
  return 0
}
function Test-FerrumJdk($home_) {
  return $home_ -and (Test-Path (Join-Path $home_ 'bin/javac.exe')) -and ((Get-FerrumJavaMajor $home_) -ge $ferrumMinJava)
}
$ferrumJdk = $null
if (Test-FerrumJdk $env:JAVA_HOME) { $ferrumJdk = $env:JAVA_HOME }
if (-not $ferrumJdk) {
  $javac = Get-Command javac.exe -ErrorAction SilentlyContinue
  if ($javac) {
    $h = Split-Path (Split-Path $javac.Source -Parent) -Parent
    if (Test-FerrumJdk $h) { $ferrumJdk = $h }
  }
}
if (-not $ferrumJdk) {
  $roots = @("$env:ProgramFiles\Eclipse Adoptium", "$env:ProgramFiles\Java", "$env:ProgramFiles\Microsoft",
             "$env:ProgramFiles\Zulu", "$env:USERPROFILE\.jdks")
  $ferrumJdk = $roots | Where-Object { $_ -and (Test-Path $_) } | ForEach-Object { Get-ChildItem -Directory $_ } |
    Where-Object { Test-FerrumJdk $_.FullName } | Sort-Object { Get-FerrumJavaMajor $_.FullName } -Descending |
    Select-Object -First 1 -ExpandProperty FullName
}
if (-not $ferrumJdk) {
  Write-Error "Ferrum needs a JDK $ferrumMinJava or newer, and none was found (looked at JAVA_HOME, javac on PATH, Program Files\{Eclipse Adoptium,Java,Microsoft,Zulu}, ~\.jdks). Install one or set JAVA_HOME."
}
$env:JAVA_HOME = $ferrumJdk
Write-Output "JAVA_HOME=$ferrumJdk"
