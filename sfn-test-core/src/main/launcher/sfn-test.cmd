@echo off
rem sfn-test: runs the CLI jar next to this script with JVM flags chosen for short runs; see the
rem POSIX launcher (sfn-test) for why each flag. JAVA_OPTS, then SFN_TEST_JAVA_OPTS, come last.
setlocal
set "SFN_TEST_DIR=%~dp0"
set "SFN_TEST_JAVA=java"
if defined JAVA_HOME set "SFN_TEST_JAVA=%JAVA_HOME%\bin\java"
set "SFN_TEST_CDS="
if exist "%SFN_TEST_DIR%sfn-test.jsa" set "SFN_TEST_CDS="-XX:SharedArchiveFile=%SFN_TEST_DIR%sfn-test.jsa" -Xshare:auto -Xlog:cds=off,cds+dynamic=off"
"%SFN_TEST_JAVA%" -XX:+UseSerialGC %SFN_TEST_CDS% %JAVA_OPTS% %SFN_TEST_JAVA_OPTS% -jar "%SFN_TEST_DIR%@CLI_JAR@" %*
exit /b %ERRORLEVEL%
