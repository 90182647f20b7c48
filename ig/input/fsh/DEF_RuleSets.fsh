// Rules repeated across definitions, written once and pulled in with `insert`.

// Where an extension may be used.
RuleSet: ExtensionContext(path)
* ^context[+].type = #element
* ^context[=].expression = "{path}"

// A simple extension whose single value is required.
RuleSet: RequiredValue(type)
* value[x] 1..1
* value[x] only {type}

// A sub-extension of a complex extension, with its single value required.
RuleSet: SubExtension(name, type, short)
* extension[{name}] ^short = "{short}"
* extension[{name}].value[x] 1..1
* extension[{name}].value[x] only {type}

// A business identifier: system and value both required, so conditional create/update can match on it.
RuleSet: BusinessIdentifier
* identifier 1..* MS
* identifier.system 1..1 MS
* identifier.value 1..1 MS

// Shared metadata of the IG's code systems: closed, case-sensitive, complete.
RuleSet: TrialCodeSystem
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete

RuleSet: TrialValueSet
* ^experimental = false

// One parameter of an OperationDefinition.
RuleSet: OpParam(use, name, min, max, type, documentation)
* parameter[+].name = #{name}
* parameter[=].use = #{use}
* parameter[=].min = {min}
* parameter[=].max = "{max}"
* parameter[=].type = #{type}
* parameter[=].documentation = "{documentation}"

// A parameter that only has parts (no type of its own).
RuleSet: OpGroup(use, name, min, max, documentation)
* parameter[+].name = #{name}
* parameter[=].use = #{use}
* parameter[=].min = {min}
* parameter[=].max = "{max}"
* parameter[=].documentation = "{documentation}"

// A part of the parameter declared last.
RuleSet: OpPart(use, name, min, max, type, documentation)
* parameter[=].part[+].name = #{name}
* parameter[=].part[=].use = #{use}
* parameter[=].part[=].min = {min}
* parameter[=].part[=].max = "{max}"
* parameter[=].part[=].type = #{type}
* parameter[=].part[=].documentation = "{documentation}"

// Metadata shared by the IG's OperationDefinitions (all are invoked on one resource instance).
RuleSet: TrialOperation(code, resource, affectsState)
* status = #active
* kind = #operation
* code = #{code}
* resource = #{resource}
* system = false
* type = false
* instance = true
* affectsState = {affectsState}

// A SearchParameter defined by the IG.
RuleSet: TrialSearchParameter(code, base, type, expression)
* status = #active
* experimental = false
* code = #{code}
* base = #{base}
* type = #{type}
* expression = "{expression}"
* xpathUsage = #normal

// One resource entry of the server's CapabilityStatement.
RuleSet: CapabilityResource(type, profile)
* rest[=].resource[+].type = #{type}
* rest[=].resource[=].profile = Canonical({profile})
* rest[=].resource[=].interaction[+].code = #read
* rest[=].resource[=].interaction[+].code = #vread
* rest[=].resource[=].interaction[+].code = #search-type
* rest[=].resource[=].interaction[+].code = #create
* rest[=].resource[=].interaction[+].code = #update
* rest[=].resource[=].interaction[+].code = #history-instance
* rest[=].resource[=].versioning = #versioned-update
* rest[=].resource[=].conditionalCreate = true
* rest[=].resource[=].conditionalUpdate = true

RuleSet: CapabilitySearchParam(name, definition, type, documentation)
* rest[=].resource[=].searchParam[+].name = "{name}"
* rest[=].resource[=].searchParam[=].definition = "{definition}"
* rest[=].resource[=].searchParam[=].type = #{type}
* rest[=].resource[=].searchParam[=].documentation = "{documentation}"

RuleSet: CapabilityOperation(name, definition)
* rest[=].resource[=].operation[+].name = "{name}"
* rest[=].resource[=].operation[=].definition = Canonical({definition})
