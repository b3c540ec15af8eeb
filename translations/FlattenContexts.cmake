# cmake -DIN=sextant_de.ts -DOUT=flat.ts -P FlattenContexts.cmake
# Writes IN with every context renamed "*": lrelease makes it the any-context fallback that
# engine/core/AnyContextTranslator looks texts up in when the exact context has none (tr()
# inside namespaces and file-local tr() helpers, whose contexts lupdate guesses differently
# from the run time's). lrelease drops duplicates (the exact translator decides those).
file(READ "${IN}" ts)
string(REGEX REPLACE "<name>[^<]*</name>" "<name>*</name>" ts "${ts}")
file(WRITE "${OUT}" "${ts}")
