import BylineCore
print(BylineCore.BundledSeed.article().headlineText)
