#!/usr/bin/env bash
# The README's API walkthrough as one script: run it against `make run` (needs curl and jq).
#   bash docs/walkthrough.sh            # GW defaults to http://127.0.0.1:8000; the admin key is $ADMIN,
#                                       # else $CHANNELHUB_ADMIN_KEY (as `make run` used it), else
#                                       # $CHANNELHUB_DATA_DIR/admin_key (default .data/admin_key)
set -euo pipefail
GW=${GW:-http://127.0.0.1:8000}
DATA_DIR=${CHANNELHUB_DATA_DIR:-$(dirname "$0")/../.data}
ADMIN=${ADMIN:-${CHANNELHUB_ADMIN_KEY:-}}
if [ -z "$ADMIN" ]; then
  [ -r "$DATA_DIR/admin_key" ] || { echo "no admin key: set ADMIN or CHANNELHUB_ADMIN_KEY, or start \`make run\` first" >&2; exit 2; }
  ADMIN=$(cat "$DATA_DIR/admin_key")
fi
RUN=$(date +%s)
say() { printf '\n== %s\n' "$*"; }
call() { # call METHOD PATH KEY [JSON] — prints the body, fails on a non-2xx status
  local method=$1 path=$2 key=$3 body=${4:-}
  curl -sS --fail-with-body -X "$method" "$GW$path" -H "Authorization: Bearer $key" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: $RUN-$method-$path-$(echo "$body" | md5sum | cut -c1-8)" \
    ${body:+-d "$body"}
}

say "R-ON-1: a company applies (no key; rate limited per address)"
APP=$(curl -sS --fail-with-body $GW/v1/reseller-applications -H 'Content-Type: application/json' -d '{
  "company_name": "Muster IT GmbH", "contact_email": "sales@muster-it.de", "country": "DE",
  "vat_id": "DE136695976", "business_type": "reseller",
  "description": "We resell developer tools to SMEs"}' | jq -r .id)
echo "application $APP"

say "R-ON-1: a consultancy is rejected with a reason"
CONS=$(curl -sS $GW/v1/reseller-applications -H 'Content-Type: application/json' -d '{
  "company_name": "Build Consult BV", "contact_email": "info@buildconsult.nl", "country": "NL",
  "business_type": "consultancy", "description": "We build solutions on the products"}' | jq -r .id)
call POST /v1/reseller-applications/$CONS/reject "$ADMIN" '{"reason": "not eligible: consultancy"}' | jq -c

say "R-ON-2: staff approve; the reseller gets the program discount (10 %) and its first key, shown once"
APPROVED=$(call POST /v1/reseller-applications/$APP/approve "$ADMIN" '{}')
KEY=$(jq -r .api_key <<<"$APPROVED"); RID=$(jq -r .reseller_id <<<"$APPROVED")
echo "reseller $RID"

say "R-ON-2: the reseller accepts the current policy (version, user, time) and becomes active"
V=$(call GET /v1/reseller-policy "$KEY" | jq .version)
call POST /v1/resellers/$RID/policy-acceptance "$KEY" "{\"version\": $V, \"accepted_by\": \"Jana Muster\"}" | jq -c
call GET /v1/resellers/$RID "$KEY" | jq -c '{status, standing, discount_percent, vat_id}'

say "R-OR-1: staff create a SKU with MSRPs per currency"
SKU=TOTAL-NET-$RUN
call POST /v1/skus "$ADMIN" "{\"sku\": \"$SKU\", \"product\": \"total-net\", \"name\": \"Total for .NET Developer OEM\",
  \"billing_plan\": \"perpetual\", \"prices\": [{\"amount\": \"1499.00\", \"currency\": \"EUR\"}]}" | jq -c '{sku, msrp}'

say "R-CU-1/2: the reseller creates a domain customer (R-CU-8: the reseller is its administrator, no seat)"
CUSTOMER=$(call POST /v1/customers "$KEY" "{\"kind\": \"domain\", \"name\": \"Acme AG\", \"domain\": \"acme-$RUN.de\",
  \"language\": \"de-CH\", \"time_zone\": \"Europe/Zurich\", \"crm_id\": \"CRM-1\",
  \"contacts\": {\"admin_name\": \"Eva Acme\", \"alternate_email\": \"eva@example.org\", \"phone\": \"+41 44 000 00 00\"}}")
CID=$(jq -r .id <<<"$CUSTOMER"); jq -c '{id, kind, domain, administrators}' <<<"$CUSTOMER"

say "ordering learns resellers and customers from onboarding's events"
until call GET /v1/orders/eligibility "$KEY" | jq -e .eligible >/dev/null; do sleep 0.2; done

say "R-OR-2: the reseller sees its partner price without asking (1499.00 − 10 % = 1349.10)"
call GET /v1/skus/$SKU "$KEY" | jq -c '{msrp, partner_price}'

say "R-OR-3/5: an order — bill-to the reseller, ship-to the customer; reverse charge (DE reseller with VAT id)"
sleep 1
ORDER=$(call POST /v1/orders "$KEY" "{\"customer_id\": \"$CID\", \"currency\": \"EUR\", \"payment_method\": \"bank_transfer\",
  \"lines\": [{\"sku\": \"$SKU\", \"quantity\": 2}]}")
OID=$(jq -r .id <<<"$ORDER")
jq -c '{status, payment_requirement, line: .lines[0] | {unit_msrp: .unit_msrp.amount, unit_price: .unit_price.amount, net: .net.amount}, total: .total.amount, tax}' <<<"$ORDER"

say "R-OR-4: card payment is refused"
curl -sS -X POST $GW/v1/orders -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
  -d "{\"customer_id\": \"$CID\", \"currency\": \"EUR\", \"payment_method\": \"card\", \"lines\": [{\"sku\": \"$SKU\", \"quantity\": 1}]}" | jq -c '{status, code, title}'

say "R-OR-8: the same order seen with the customer's own key — no price anywhere"
CKEY=$(call POST /v1/customers/$CID/api-keys "$KEY" '{"name": "Acme portal"}' | jq -r .key)
call GET /v1/orders/$OID "$CKEY" | jq -c

say "R-CU-6: the customer accepts the terms of service"
call POST /v1/customers/$CID/terms-acceptance "$CKEY" '{"accepted_by": "Eva Acme"}' | jq -c

say "R-BI-1: the order's invoice — number, RF structured reference, due in 30 days, reverse-charge note"
INVOICE=$(call GET "/v1/invoices?order_id=$OID" "$KEY" | jq '.data[0]')
jq -c '{number, status, total: .total.amount, amount_due: .amount_due.amount, payment_reference, issue_date, due_date, tax_note}' <<<"$INVOICE"
curl -sS --fail-with-body $GW/v1/invoices/$(jq -r .id <<<"$INVOICE")/pdf -H "Authorization: Bearer $KEY" -o /tmp/channelhub-invoice.pdf
echo "invoice PDF: $(head -c 5 /tmp/channelhub-invoice.pdf) $(wc -c </tmp/channelhub-invoice.pdf) bytes"

say "R-BI-1/2: staff record the bank transfer quoting the reference; the prepaid order is released"
call POST /v1/payments "$ADMIN" "{\"reference\": $(jq .payment_reference <<<"$INVOICE"),
  \"amount\": $(jq .amount_due <<<"$INVOICE"), \"received_on\": \"$(date +%F)\"}" | jq -c '{status, allocations}'
for _ in $(seq 50); do
  STATUS=$(call GET /v1/orders/$OID "$KEY" | jq -r .status); [ "$STATUS" = placed ] || break; sleep 0.1
done
echo "order $OID is $STATUS; reseller paid orders: $(call GET /v1/resellers/$RID "$ADMIN" | jq .paid_orders)"

say "R-CU-8: making a customer user an administrator needs confirmation (the discount would not apply)"
curl -sS -X POST $GW/v1/customers/$CID/users -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
  -d "{\"email\": \"boss@acme-$RUN.de\", \"admin\": true}" | jq -c '{status, code, detail}'
call POST /v1/customers/$CID/users "$KEY" "{\"email\": \"boss@acme-$RUN.de\", \"admin\": true, \"confirm\": true}" | jq -c

say "R-CU-3/4: team customers may share a name; they verify a domain to buy every product"
T1=$(call POST /v1/customers "$KEY" '{"kind": "team", "name": "Design Team", "primary_email": "lead@studio.example"}' | jq -r .id)
T2=$(call POST /v1/customers "$KEY" '{"kind": "team", "name": "Design Team", "primary_email": "ops@studio.example"}' | jq -r .id)
echo "two team customers named 'Design Team': $T1 $T2"
call POST /v1/customers/$T1/domain-verification "$KEY" "{\"domain\": \"studio-$RUN.example.com\"}" | jq -c '{id, kind, domain}'

say "R-CU-5: the customer issues a transfer token; another reseller imports the customer with it"
TOKEN=$(call POST /v1/customers/$CID/transfer-tokens "$CKEY" '{"product_family": "total-net"}' | jq -r .token)
APP2=$(curl -sS --fail-with-body $GW/v1/reseller-applications -H 'Content-Type: application/json' -d '{
  "company_name": "Other Reseller SARL", "contact_email": "ventes@other.fr", "country": "FR",
  "business_type": "reseller", "description": "IT reseller"}' | jq -r .id)
KEY2=$(call POST /v1/reseller-applications/$APP2/approve "$ADMIN" '{"discount_percent": "12.5"}' | jq -r .api_key)
call POST /v1/customers/import "$KEY2" "{\"domain\": \"acme-$RUN.de\", \"transfer_token\": \"$TOKEN\"}" | jq -c '{id, reseller_id}'
echo "the first reseller no longer sees it:"
curl -sS $GW/v1/customers/$CID -H "Authorization: Bearer $KEY" | jq -c '{status, code}'
echo "a second use of the token is refused:"
curl -sS -X POST $GW/v1/customers/import -H "Authorization: Bearer $KEY2" -H 'Content-Type: application/json' \
  -d "{\"domain\": \"acme-$RUN.de\", \"transfer_token\": \"$TOKEN\"}" | jq -c '{status, code}'

say "R-ON-4: a US reseller's exemption certificate (history kept)"
APP3=$(curl -sS --fail-with-body $GW/v1/reseller-applications -H 'Content-Type: application/json' -d '{
  "company_name": "Golden Gate Software Inc", "contact_email": "sales@ggsoft.us", "country": "US", "state": "CA",
  "business_type": "reseller", "description": "Software reseller"}' | jq -r .id)
US=$(call POST /v1/reseller-applications/$APP3/approve "$ADMIN" '{}'); USKEY=$(jq -r .api_key <<<"$US"); USID=$(jq -r .reseller_id <<<"$US")
call PUT /v1/resellers/$USID/tax-exemption-certificate "$USKEY" '{"state": "CA", "number": "SR-123456",
  "valid_from": "2026-01-01", "valid_until": "2027-12-31"}' | jq -c

say "R-ON-3/6: standing — a staff correction adds two orders paid before the platform (billing counted one)"
call POST /v1/resellers/$RID/payment-facts "$ADMIN" '{"paid_orders_delta": 2}' | jq -c '{standing, paid_orders, credit_limit}'

say "R-OR-6/7: a seat subscription; 50 days before the period ends an extra seat costs 2 months"
call POST /v1/skus "$ADMIN" "{\"sku\": \"SEATS-$RUN\", \"product\": \"axcrypt-business\", \"name\": \"AxCrypt Business (year)\",
  \"billing_plan\": \"yearly\", \"seat_based\": true, \"prices\": [{\"amount\": \"120.00\", \"currency\": \"EUR\"}]}" >/dev/null
sleep 1
SUB=$(call POST /v1/subscriptions "$KEY" "{\"customer_id\": \"$T1\", \"sku\": \"SEATS-$RUN\", \"seats\": 5, \"term_months\": 12}")
SID=$(jq -r .id <<<"$SUB"); jq -c '{id, seats, period_start, period_end, status}' <<<"$SUB"
END=$(jq -r .period_end <<<"$SUB"); AS_OF=$(date -d "$END - 50 days" +%F)
call GET "/v1/subscriptions/$SID/seat-quote?add=3&as_of=$AS_OF" "$KEY" | jq -c

say "R-OR-9: hand an order over to the vendor's sales team"
O2=$(call POST /v1/orders "$KEY" "{\"ship_to\": {\"name\": \"Big Corp\", \"email\": \"it@bigcorp-$RUN.example.com\", \"domain\": \"bigcorp-$RUN.example.com\"}, \"currency\": \"EUR\",
  \"payment_method\": \"bank_transfer\", \"lines\": [{\"sku\": \"$SKU\", \"quantity\": 100}]}" | jq -r .id)
call POST /v1/orders/$O2/handover "$KEY" '{"note": "500-seat enterprise deal"}' | jq -c '{id, status}'
echo; echo "walkthrough complete"
