""" Contains all the data models used in inputs/outputs """

from .aging_row import AgingRow
from .aging_row_group import AgingRowGroup
from .allocation_out import AllocationOut
from .api_key_create import ApiKeyCreate
from .api_key_create_role import ApiKeyCreateRole
from .api_key_created import ApiKeyCreated
from .api_key_info import ApiKeyInfo
from .api_key_role import ApiKeyRole
from .application import Application
from .application_approve import ApplicationApprove
from .application_approved import ApplicationApproved
from .application_create import ApplicationCreate
from .application_create_country import ApplicationCreateCountry
from .application_reject import ApplicationReject
from .application_rejected import ApplicationRejected
from .application_status import ApplicationStatus
from .attempt import Attempt
from .attempt_trigger import AttemptTrigger
from .bank_details import BankDetails
from .bank_statement_result import BankStatementResult
from .billing_jobs_run_name import BillingJobsRunName
from .billing_jobs_runs_name import BillingJobsRunsName
from .bundle import Bundle
from .bundle_create import BundleCreate
from .business_type import BusinessType
from .charge_status import ChargeStatus
from .commission import Commission
from .commission_line import CommissionLine
from .commission_out import CommissionOut
from .commission_out_reason import CommissionOutReason
from .commission_reason import CommissionReason
from .commission_row import CommissionRow
from .commission_statement import CommissionStatement
from .contacts import Contacts
from .contract import Contract
from .contract_create import ContractCreate
from .contract_create_delivery import ContractCreateDelivery
from .contract_create_term_months import ContractCreateTermMonths
from .contract_credit_check_type_0 import ContractCreditCheckType0
from .contract_figures import ContractFigures
from .contract_options_item import ContractOptionsItem
from .contract_return_record_type_0 import ContractReturnRecordType0
from .contract_row import ContractRow
from .contract_signatures import ContractSignatures
from .contract_status import ContractStatus
from .contract_termination_type_0 import ContractTerminationType0
from .credit_balance import CreditBalance
from .credit_decision import CreditDecision
from .credit_decision_decision import CreditDecisionDecision
from .credit_note import CreditNote
from .credit_note_create import CreditNoteCreate
from .credit_note_kind import CreditNoteKind
from .credit_note_ref import CreditNoteRef
from .customer import Customer
from .customer_api_key_create import CustomerApiKeyCreate
from .customer_create import CustomerCreate
from .customer_import import CustomerImport
from .customer_kind import CustomerKind
from .customer_patch import CustomerPatch
from .customer_user import CustomerUser
from .customer_user_create import CustomerUserCreate
from .customer_user_created import CustomerUserCreated
from .customer_user_kind import CustomerUserKind
from .delivery import Delivery
from .delivery_payload import DeliveryPayload
from .delivery_status import DeliveryStatus
from .domain_verification import DomainVerification
from .edition import Edition
from .eligibility_override import EligibilityOverride
from .endpoint import Endpoint
from .endpoint_create import EndpointCreate
from .endpoint_create_event_types_item import EndpointCreateEventTypesItem
from .endpoint_patch import EndpointPatch
from .endpoint_patch_event_types_type_0_item import EndpointPatchEventTypesType0Item
from .endpoint_status import EndpointStatus
from .event_type import EventType
from .event_type_catalog import EventTypeCatalog
from .exemption_certificate import ExemptionCertificate
from .exemption_certificate_put import ExemptionCertificatePut
from .exemption_certificate_put_state import ExemptionCertificatePutState
from .extension import Extension
from .extension_proposal import ExtensionProposal
from .extension_status import ExtensionStatus
from .failed_event import FailedEvent
from .failed_event_list import FailedEventList
from .handover import Handover
from .hardware_decision import HardwareDecision
from .hardware_decision_decision import HardwareDecisionDecision
from .hardware_request import HardwareRequest
from .hardware_request_create import HardwareRequestCreate
from .hardware_request_status import HardwareRequestStatus
from .held_entry import HeldEntry
from .instalment_out import InstalmentOut
from .invoice import Invoice
from .invoice_kind import InvoiceKind
from .invoice_line import InvoiceLine
from .invoice_status import InvoiceStatus
from .invoice_tax_regime import InvoiceTaxRegime
from .job_run_list import JobRunList
from .job_run_out import JobRunOut
from .job_run_out_counts_type_0 import JobRunOutCountsType0
from .job_run_out_outcome import JobRunOutOutcome
from .job_run_out_trigger import JobRunOutTrigger
from .job_run_request import JobRunRequest
from .license_ import License
from .license_file import LicenseFile
from .license_kind import LicenseKind
from .license_status import LicenseStatus
from .mail import Mail
from .mail_attachment import MailAttachment
from .mail_with_body import MailWithBody
from .manufacturer_row import ManufacturerRow
from .me import Me
from .me_kind import MeKind
from .money_in_type_0 import MoneyInType0
from .money_in_type_0_currency import MoneyInType0Currency
from .money_in_type_1 import MoneyInType1
from .money_in_type_1_currency import MoneyInType1Currency
from .money_in_type_2 import MoneyInType2
from .money_in_type_2_currency import MoneyInType2Currency
from .money_in_type_3 import MoneyInType3
from .money_in_type_3_currency import MoneyInType3Currency
from .money_out import MoneyOut
from .not_booked_entry import NotBookedEntry
from .not_booked_entry_direction import NotBookedEntryDirection
from .option import Option
from .option_in import OptionIn
from .order import Order
from .order_cancel import OrderCancel
from .order_create import OrderCreate
from .order_create_payment_method import OrderCreatePaymentMethod
from .order_eligibility import OrderEligibility
from .order_for_customer import OrderForCustomer
from .order_line import OrderLine
from .order_line_create import OrderLineCreate
from .order_line_for_customer import OrderLineForCustomer
from .order_payment_requirement import OrderPaymentRequirement
from .order_status import OrderStatus
from .orders_list_status import OrdersListStatus
from .overdue_row import OverdueRow
from .page_application import PageApplication
from .page_commission_out import PageCommissionOut
from .page_contract import PageContract
from .page_credit_note import PageCreditNote
from .page_customer import PageCustomer
from .page_delivery import PageDelivery
from .page_endpoint import PageEndpoint
from .page_hardware_request import PageHardwareRequest
from .page_invoice import PageInvoice
from .page_license import PageLicense
from .page_mail import PageMail
from .page_payment import PagePayment
from .page_product import PageProduct
from .page_union_order_order_for_customer import PageUnionOrderOrderForCustomer
from .page_union_sku_sku_for_customer import PageUnionSkuSkuForCustomer
from .page_union_subscription_subscription_for_customer import PageUnionSubscriptionSubscriptionForCustomer
from .parked_list import ParkedList
from .parked_row import ParkedRow
from .party import Party
from .payment import Payment
from .payment_assign import PaymentAssign
from .payment_create import PaymentCreate
from .payment_facts_type_0 import PaymentFactsType0
from .payment_facts_type_1 import PaymentFactsType1
from .payment_requirement import PaymentRequirement
from .payment_source import PaymentSource
from .payment_status import PaymentStatus
from .policy import Policy
from .policy_acceptance import PolicyAcceptance
from .policy_acceptance_create import PolicyAcceptanceCreate
from .policy_create import PolicyCreate
from .price_create import PriceCreate
from .problem import Problem
from .problem_errors_type_0_item import ProblemErrorsType0Item
from .product import Product
from .product_create import ProductCreate
from .program import Program
from .program_patch import ProgramPatch
from .receivable_figures import ReceivableFigures
from .redrive_result import RedriveResult
from .refund import Refund
from .refund_create import RefundCreate
from .replay_range import ReplayRange
from .replayed_range import ReplayedRange
from .republish_request import RepublishRequest
from .republish_result import RepublishResult
from .reseller import Reseller
from .reseller_patch import ResellerPatch
from .reseller_patch_status import ResellerPatchStatus
from .reseller_row import ResellerRow
from .reseller_status import ResellerStatus
from .return_in import ReturnIn
from .return_in_method import ReturnInMethod
from .reversal_out import ReversalOut
from .reversal_status import ReversalStatus
from .sales_figures import SalesFigures
from .sales_row import SalesRow
from .schedule import Schedule
from .seat_activate import SeatActivate
from .seat_activation import SeatActivation
from .seat_assign import SeatAssign
from .seat_assignment import SeatAssignment
from .seat_assignment_status import SeatAssignmentStatus
from .seat_figures import SeatFigures
from .seat_overview import SeatOverview
from .seat_purchase import SeatPurchase
from .seat_quote import SeatQuote
from .seat_row import SeatRow
from .seats_add import SeatsAdd
from .sell_out_report import SellOutReport
from .sell_out_row import SellOutRow
from .ship_to import ShipTo
from .signature import Signature
from .signature_party import SignatureParty
from .signing_key import SigningKey
from .signing_key_status import SigningKeyStatus
from .signing_keys import SigningKeys
from .sku import Sku
from .sku_billing_plan import SkuBillingPlan
from .sku_create import SkuCreate
from .sku_create_billing_plan import SkuCreateBillingPlan
from .sku_for_customer import SkuForCustomer
from .sku_for_customer_billing_plan import SkuForCustomerBillingPlan
from .staff_key_create import StaffKeyCreate
from .staff_key_create_role import StaffKeyCreateRole
from .standing import Standing
from .standing_counts import StandingCounts
from .statement import Statement
from .statement_item import StatementItem
from .subscription import Subscription
from .subscription_charge import SubscriptionCharge
from .subscription_charge_payment_requirement import SubscriptionChargePaymentRequirement
from .subscription_create import SubscriptionCreate
from .subscription_create_term_months import SubscriptionCreateTermMonths
from .subscription_for_customer import SubscriptionForCustomer
from .subscription_period import SubscriptionPeriod
from .subscription_period_kind import SubscriptionPeriodKind
from .subscription_status import SubscriptionStatus
from .subscriptions_list_status import SubscriptionsListStatus
from .summary import Summary
from .table_aging_row import TableAgingRow
from .table_commission_row import TableCommissionRow
from .table_contract_row import TableContractRow
from .table_manufacturer_row import TableManufacturerRow
from .table_overdue_row import TableOverdueRow
from .table_reseller_row import TableResellerRow
from .table_sales_row import TableSalesRow
from .table_seat_row import TableSeatRow
from .tax_info import TaxInfo
from .tax_info_regime import TaxInfoRegime
from .tax_profile_change import TaxProfileChange
from .tax_profile_change_reject import TaxProfileChangeReject
from .tax_profile_change_status import TaxProfileChangeStatus
from .tax_profile_patch import TaxProfilePatch
from .tax_profile_patch_country_type_0 import TaxProfilePatchCountryType0
from .termination import Termination
from .termination_result import TerminationResult
from .terms_acceptance import TermsAcceptance
from .terms_acceptance_create import TermsAcceptanceCreate
from .transfer_token_create import TransferTokenCreate
from .transfer_token_created import TransferTokenCreated
from .undone_reason import UndoneReason
from .unpark_result import UnparkResult

__all__ = (
    "AgingRow",
    "AgingRowGroup",
    "AllocationOut",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApiKeyCreateRole",
    "ApiKeyInfo",
    "ApiKeyRole",
    "Application",
    "ApplicationApprove",
    "ApplicationApproved",
    "ApplicationCreate",
    "ApplicationCreateCountry",
    "ApplicationReject",
    "ApplicationRejected",
    "ApplicationStatus",
    "Attempt",
    "AttemptTrigger",
    "BankDetails",
    "BankStatementResult",
    "BillingJobsRunName",
    "BillingJobsRunsName",
    "Bundle",
    "BundleCreate",
    "BusinessType",
    "ChargeStatus",
    "Commission",
    "CommissionLine",
    "CommissionOut",
    "CommissionOutReason",
    "CommissionReason",
    "CommissionRow",
    "CommissionStatement",
    "Contacts",
    "Contract",
    "ContractCreate",
    "ContractCreateDelivery",
    "ContractCreateTermMonths",
    "ContractCreditCheckType0",
    "ContractFigures",
    "ContractOptionsItem",
    "ContractReturnRecordType0",
    "ContractRow",
    "ContractSignatures",
    "ContractStatus",
    "ContractTerminationType0",
    "CreditBalance",
    "CreditDecision",
    "CreditDecisionDecision",
    "CreditNote",
    "CreditNoteCreate",
    "CreditNoteKind",
    "CreditNoteRef",
    "Customer",
    "CustomerApiKeyCreate",
    "CustomerCreate",
    "CustomerImport",
    "CustomerKind",
    "CustomerPatch",
    "CustomerUser",
    "CustomerUserCreate",
    "CustomerUserCreated",
    "CustomerUserKind",
    "Delivery",
    "DeliveryPayload",
    "DeliveryStatus",
    "DomainVerification",
    "Edition",
    "EligibilityOverride",
    "Endpoint",
    "EndpointCreate",
    "EndpointCreateEventTypesItem",
    "EndpointPatch",
    "EndpointPatchEventTypesType0Item",
    "EndpointStatus",
    "EventType",
    "EventTypeCatalog",
    "ExemptionCertificate",
    "ExemptionCertificatePut",
    "ExemptionCertificatePutState",
    "Extension",
    "ExtensionProposal",
    "ExtensionStatus",
    "FailedEvent",
    "FailedEventList",
    "Handover",
    "HardwareDecision",
    "HardwareDecisionDecision",
    "HardwareRequest",
    "HardwareRequestCreate",
    "HardwareRequestStatus",
    "HeldEntry",
    "InstalmentOut",
    "Invoice",
    "InvoiceKind",
    "InvoiceLine",
    "InvoiceStatus",
    "InvoiceTaxRegime",
    "JobRunList",
    "JobRunOut",
    "JobRunOutCountsType0",
    "JobRunOutOutcome",
    "JobRunOutTrigger",
    "JobRunRequest",
    "License",
    "LicenseFile",
    "LicenseKind",
    "LicenseStatus",
    "Mail",
    "MailAttachment",
    "MailWithBody",
    "ManufacturerRow",
    "Me",
    "MeKind",
    "MoneyInType0",
    "MoneyInType0Currency",
    "MoneyInType1",
    "MoneyInType1Currency",
    "MoneyInType2",
    "MoneyInType2Currency",
    "MoneyInType3",
    "MoneyInType3Currency",
    "MoneyOut",
    "NotBookedEntry",
    "NotBookedEntryDirection",
    "Option",
    "OptionIn",
    "Order",
    "OrderCancel",
    "OrderCreate",
    "OrderCreatePaymentMethod",
    "OrderEligibility",
    "OrderForCustomer",
    "OrderLine",
    "OrderLineCreate",
    "OrderLineForCustomer",
    "OrderPaymentRequirement",
    "OrdersListStatus",
    "OrderStatus",
    "OverdueRow",
    "PageApplication",
    "PageCommissionOut",
    "PageContract",
    "PageCreditNote",
    "PageCustomer",
    "PageDelivery",
    "PageEndpoint",
    "PageHardwareRequest",
    "PageInvoice",
    "PageLicense",
    "PageMail",
    "PagePayment",
    "PageProduct",
    "PageUnionOrderOrderForCustomer",
    "PageUnionSkuSkuForCustomer",
    "PageUnionSubscriptionSubscriptionForCustomer",
    "ParkedList",
    "ParkedRow",
    "Party",
    "Payment",
    "PaymentAssign",
    "PaymentCreate",
    "PaymentFactsType0",
    "PaymentFactsType1",
    "PaymentRequirement",
    "PaymentSource",
    "PaymentStatus",
    "Policy",
    "PolicyAcceptance",
    "PolicyAcceptanceCreate",
    "PolicyCreate",
    "PriceCreate",
    "Problem",
    "ProblemErrorsType0Item",
    "Product",
    "ProductCreate",
    "Program",
    "ProgramPatch",
    "ReceivableFigures",
    "RedriveResult",
    "Refund",
    "RefundCreate",
    "ReplayedRange",
    "ReplayRange",
    "RepublishRequest",
    "RepublishResult",
    "Reseller",
    "ResellerPatch",
    "ResellerPatchStatus",
    "ResellerRow",
    "ResellerStatus",
    "ReturnIn",
    "ReturnInMethod",
    "ReversalOut",
    "ReversalStatus",
    "SalesFigures",
    "SalesRow",
    "Schedule",
    "SeatActivate",
    "SeatActivation",
    "SeatAssign",
    "SeatAssignment",
    "SeatAssignmentStatus",
    "SeatFigures",
    "SeatOverview",
    "SeatPurchase",
    "SeatQuote",
    "SeatRow",
    "SeatsAdd",
    "SellOutReport",
    "SellOutRow",
    "ShipTo",
    "Signature",
    "SignatureParty",
    "SigningKey",
    "SigningKeys",
    "SigningKeyStatus",
    "Sku",
    "SkuBillingPlan",
    "SkuCreate",
    "SkuCreateBillingPlan",
    "SkuForCustomer",
    "SkuForCustomerBillingPlan",
    "StaffKeyCreate",
    "StaffKeyCreateRole",
    "Standing",
    "StandingCounts",
    "Statement",
    "StatementItem",
    "Subscription",
    "SubscriptionCharge",
    "SubscriptionChargePaymentRequirement",
    "SubscriptionCreate",
    "SubscriptionCreateTermMonths",
    "SubscriptionForCustomer",
    "SubscriptionPeriod",
    "SubscriptionPeriodKind",
    "SubscriptionsListStatus",
    "SubscriptionStatus",
    "Summary",
    "TableAgingRow",
    "TableCommissionRow",
    "TableContractRow",
    "TableManufacturerRow",
    "TableOverdueRow",
    "TableResellerRow",
    "TableSalesRow",
    "TableSeatRow",
    "TaxInfo",
    "TaxInfoRegime",
    "TaxProfileChange",
    "TaxProfileChangeReject",
    "TaxProfileChangeStatus",
    "TaxProfilePatch",
    "TaxProfilePatchCountryType0",
    "Termination",
    "TerminationResult",
    "TermsAcceptance",
    "TermsAcceptanceCreate",
    "TransferTokenCreate",
    "TransferTokenCreated",
    "UndoneReason",
    "UnparkResult",
)
