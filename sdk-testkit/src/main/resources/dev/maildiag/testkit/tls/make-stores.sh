#!/usr/bin/env bash
# Regenerates the test PKI of dev.maildiag.testkit.tls.TestCertificates with the JDK's keytool.
# Stores are PKCS12 with password "changeit". Test-only keys: never trust this CA outside tests.
#   ca.p12          the test CA (trusted entry only)        CN=maildiag test CA
#   localhost.p12   server key + chain for localhost, 127.0.0.1, ::1 (valid 20 years)
#   wrong-host.p12  server key + chain for wrong-host.invalid only (served on 127.0.0.1 it is a name mismatch)
#   expired.p12     server key + chain for localhost/127.0.0.1 that expired long ago (keytool -startdate)
set -euo pipefail
cd "$(dirname "$0")"
pw=changeit
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
kt() { keytool -noprompt -storetype PKCS12 -storepass "$pw" -keypass "$pw" "$@"; }

kt -genkeypair -keystore "$tmp/ca-key.p12" -alias ca -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA \
   -dname "CN=maildiag test CA,O=maildiag tests" -validity 7300 -ext bc:c
kt -exportcert -keystore "$tmp/ca-key.p12" -alias ca -rfc -file "$tmp/ca.pem"
rm -f ca.p12
kt -importcert -keystore ca.p12 -alias maildiag-test-ca -file "$tmp/ca.pem"

leaf() { # name cn san [extra gencert args...]
  local name=$1 cn=$2 san=$3; shift 3
  rm -f "$name.p12"
  kt -genkeypair -keystore "$name.p12" -alias server -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA \
     -dname "CN=$cn,O=maildiag tests" -validity 7300
  kt -certreq -keystore "$name.p12" -alias server -file "$tmp/$name.csr"
  kt -gencert -keystore "$tmp/ca-key.p12" -alias ca -infile "$tmp/$name.csr" -outfile "$tmp/$name.pem" -rfc \
     -ext "san=$san" -ext "eku=serverAuth" "$@"
  kt -importcert -keystore "$name.p12" -alias maildiag-test-ca -file "$tmp/ca.pem"
  kt -importcert -keystore "$name.p12" -alias server -file "$tmp/$name.pem"
}
leaf localhost localhost "dns:localhost,ip:127.0.0.1,ip:::1" -validity 7300
leaf wrong-host wrong-host.invalid "dns:wrong-host.invalid" -validity 7300
leaf expired localhost "dns:localhost,ip:127.0.0.1,ip:::1" -startdate 2020/01/01 -validity 30
