
      export interface PossibleTypesResultData {
        possibleTypes: {
          [key: string]: string[]
        }
      }
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "Account": [
      "Client",
      "PartnerProspect",
      "Prospect"
    ],
    "Node": [
      "Client",
      "Company",
      "Contact",
      "Location",
      "Note",
      "PartnerProspect",
      "Prospect",
      "Reminder",
      "SentEmail",
      "User"
    ]
  }
};
      export default result;
    