# CT005 - a trail's selectors, taken together, do not record all management events: no
# selector includes them, or together they keep only reads or only writes. Reported at the
# setting responsible (basic selectors) or at the first advanced selector.

# ---- basic event selectors ----

resource "aws_cloudtrail" "data_only" {
  name           = "data-only"
  s3_bucket_name = "audit-logs"

  event_selector {
    include_management_events = false # Noncompliant {{Trail aws_cloudtrail.data_only's event selectors exclude management events: IAM changes would not be recorded}}
    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3:::invoices/"]
    }
  }
}

resource "aws_cloudtrail" "read_only" {
  name           = "read-only"
  s3_bucket_name = "audit-logs"

  event_selector {
    read_write_type = "ReadOnly" # Noncompliant {{record only read-only management events}}
  }
}

resource "aws_cloudtrail" "write_only" {
  name           = "write-only"
  s3_bucket_name = "audit-logs"

  event_selector {
    read_write_type           = "WriteOnly" # Noncompliant {{record only write-only management events}}
    include_management_events = true
  }
}

# A string boolean.
resource "aws_cloudtrail" "string_false" {
  name           = "string-false"
  s3_bucket_name = "audit-logs"

  event_selector {
    include_management_events = "false" # Noncompliant
  }
}

# Compliant: reads in one selector, writes in the other: all management events together.
resource "aws_cloudtrail" "split" {
  name           = "split"
  s3_bucket_name = "audit-logs"

  event_selector {
    read_write_type = "ReadOnly"
  }

  event_selector {
    read_write_type = "WriteOnly"
  }
}

# Compliant: a data selector with the defaults (management events included, All).
resource "aws_cloudtrail" "with_data" {
  name           = "with-data"
  s3_bucket_name = "audit-logs"

  event_selector {
    data_resource {
      type   = "AWS::Lambda::Function"
      values = ["arn:aws:lambda"]
    }
  }
}

# Compliant: no selector at all records all management events.
resource "aws_cloudtrail" "no_selector" {
  name           = "no-selector"
  s3_bucket_name = "audit-logs"
}

# terraform.tfvars sets "WriteOnly" (the default is "All").
resource "aws_cloudtrail" "audit" {
  name           = "audit"
  s3_bucket_name = "audit-logs"

  event_selector {
    read_write_type = var.audit_read_write_type # Noncompliant {{terraform.tfvars}}
  }
}

resource "aws_cloudtrail" "reporting" {
  name           = "reporting"
  s3_bucket_name = "audit-logs"

  event_selector {
    read_write_type = var.reporting_read_write_type # Noncompliant {{default of variable reporting_read_write_type}}
  }
}

# Compliant: unknown (variable without value), not judged.
resource "aws_cloudtrail" "external" {
  name           = "external"
  s3_bucket_name = "audit-logs"

  event_selector {
    include_management_events = var.external_management_events
  }
}

# Dynamic advanced selectors: data events only (reported at the first selector).
resource "aws_cloudtrail" "dynamic_advanced" {
  name           = "dynamic-advanced"
  s3_bucket_name = "audit-logs"

  dynamic "advanced_event_selector" {
    for_each = local.advanced_categories
    content { # Noncompliant {{Trail aws_cloudtrail.dynamic_advanced's advanced event selectors exclude management events}}
      name = "${advanced_event_selector.value} events"
      field_selector {
        field  = "eventCategory"
        equals = [advanced_event_selector.value]
      }
    }
  }
}

# Compliant: one dynamic data selector per bucket, with the defaults.
resource "aws_cloudtrail" "dynamic_data" {
  name           = "dynamic-data"
  s3_bucket_name = "audit-logs"

  dynamic "event_selector" {
    for_each = var.data_buckets
    content {
      data_resource {
        type   = "AWS::S3::Object"
        values = [event_selector.value]
      }
    }
  }
}

# count: instance [1] records read-only management events.
resource "aws_cloudtrail" "pair" {
  count          = 2
  name           = "pair-${count.index}"
  s3_bucket_name = "audit-logs"

  event_selector {
    read_write_type = count.index == 0 ? "All" : "ReadOnly" # Noncompliant {{aws_cloudtrail.pair[1]}}
  }
}

# ---- advanced event selectors ----

# Data events only: no selector of the Management category.
resource "aws_cloudtrail" "advanced_data_only" {
  name           = "advanced-data-only"
  s3_bucket_name = "audit-logs"

  advanced_event_selector { # Noncompliant {{advanced event selectors exclude management events}}
    name = "S3 data events"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
  }
}

resource "aws_cloudtrail" "advanced_read_only" {
  name           = "advanced-read-only"
  s3_bucket_name = "audit-logs"

  advanced_event_selector { # Noncompliant {{advanced event selectors record only read-only management events}}
    name = "Management reads"
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
    field_selector {
      field  = "readOnly"
      equals = ["true"]
    }
  }
}

# Compliant: every management event.
resource "aws_cloudtrail" "advanced_management" {
  name           = "advanced-management"
  s3_bucket_name = "audit-logs"

  advanced_event_selector {
    name = "Management events"
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
  }

  advanced_event_selector {
    name = "S3 data events"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
  }
}

# Compliant: reads and writes in two Management selectors.
resource "aws_cloudtrail" "advanced_split" {
  name           = "advanced-split"
  s3_bucket_name = "audit-logs"

  advanced_event_selector {
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
    field_selector {
      field  = "readOnly"
      equals = ["true"]
    }
  }

  advanced_event_selector {
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
    field_selector {
      field  = "readOnly"
      equals = ["false"]
    }
  }
}

# Passes "ReadOnly" (reported in the module, at its use).
module "readers" {
  source          = "./modules/trail"
  name            = "readers"
  read_write_type = "ReadOnly"
}

# Compliant call: "All".
module "everything" {
  source = "./modules/trail"
  name   = "everything"
}
