import Rules
print("check: under construction")
