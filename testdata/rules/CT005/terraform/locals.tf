locals {
  # Event categories for the dynamic advanced selectors of aws_cloudtrail.dynamic_advanced:
  # data events only.
  advanced_categories = ["Data"]
}
