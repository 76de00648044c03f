@echo off
rem iamlint launcher for Windows: runs the jar of a release (lib\iamlint.jar beside this bin\,
rem or iamlint.jar beside this script), or target\iamlint.jar of a source checkout built with
rem "mvn -B -DskipTests package". It never builds. Java 17 or newer: JAVA_HOME, else java on PATH.
rem (No parenthesised blocks: a path holding ")" would end them early.)
setlocal
set "IAMLINT_JAR=%~dp0iamlint.jar"
if not exist "%IAMLINT_JAR%" set "IAMLINT_JAR=%~dp0..\lib\iamlint.jar"
if not exist "%IAMLINT_JAR%" set "IAMLINT_JAR=%~dp0..\target\iamlint.jar"
if exist "%IAMLINT_JAR%" goto run
echo iamlint: no iamlint.jar in lib\ or target\ above, or beside, "%~f0" 1>&2
exit /b 2
:run
set "IAMLINT_JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "IAMLINT_JAVA=%JAVA_HOME%\bin\java.exe"
"%IAMLINT_JAVA%" -XX:+UseParallelGC -XX:MaxTenuringThreshold=1 -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xshare:auto -jar "%IAMLINT_JAR%" %*
exit /b %ERRORLEVEL%
