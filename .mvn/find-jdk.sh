# shellcheck shell=sh
# Ferrum's one JDK finder, sourced by ./mvnw, kvstore/bin/ferrum-kv and zerocopy-parser/bin/ferrum-pcap.
#
#   . path/to/.mvn/find-jdk.sh && ferrum_find_jdk || exit 1
#
# Sets and exports JAVA_HOME to a JDK >= $FERRUM_MIN_JAVA (default 25): JAVA_HOME itself when it is new
# enough, else the JDK of the javac on PATH, else the newest one in the usual install folders. Prints
# what it looked at and returns 1 when there is none.

FERRUM_MIN_JAVA=${FERRUM_MIN_JAVA:-25}

ferrum_java_major() { # $1 = a JDK home; prints its feature version or nothing
  if [ -r "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9]*\).*/\1/p' "$1/release" | head -n 1
  elif [ -x "$1/bin/java" ]; then
    "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
  fi
}

ferrum_jdk_ok() { # $1 = a JDK home
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  ferrum_v=$(ferrum_java_major "$1")
  [ -n "$ferrum_v" ] && [ "$ferrum_v" -ge "$FERRUM_MIN_JAVA" ]
}

ferrum_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && ferrum_jdk_ok "$JAVA_HOME"; then export JAVA_HOME; return 0; fi
  if command -v javac >/dev/null 2>&1; then
    ferrum_h=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if ferrum_jdk_ok "$ferrum_h"; then JAVA_HOME=$ferrum_h; export JAVA_HOME; return 0; fi
  fi
  ferrum_best=""; ferrum_bestv=0
  case $- in *f*) ferrum_noglob=1; set +f ;; *) ferrum_noglob=0 ;; esac # mvnw runs with globbing off
  for ferrum_h in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home \
      "${HOME-}"/.sdkman/candidates/java/* "${HOME-}"/.jdks/* "${HOME-}"/.local/share/mise/installs/java/*; do
    [ -d "$ferrum_h" ] || continue
    if ferrum_jdk_ok "$ferrum_h"; then
      ferrum_v=$(ferrum_java_major "$ferrum_h")
      if [ "$ferrum_v" -gt "$ferrum_bestv" ]; then ferrum_best=$ferrum_h; ferrum_bestv=$ferrum_v; fi
    fi
  done
  [ "$ferrum_noglob" = 1 ] && set -f
  if [ -n "$ferrum_best" ]; then JAVA_HOME=$ferrum_best; export JAVA_HOME; return 0; fi
  echo "Ferrum needs a JDK $FERRUM_MIN_JAVA or newer, and none was found." >&2
  echo "Looked at JAVA_HOME (${JAVA_HOME:-unset}), the javac on PATH, /usr/lib/jvm, /usr/java, /opt/java, ~/.sdkman, ~/.jdks and mise." >&2
  echo "Install one (e.g. Temurin $FERRUM_MIN_JAVA) or set JAVA_HOME to it." >&2
  return 1
}
